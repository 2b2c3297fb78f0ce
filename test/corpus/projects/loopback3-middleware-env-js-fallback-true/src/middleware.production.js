/* eslint-disable no-template-curly-in-string */
// loopback-boot merges middleware.<NODE_ENV>.js over middleware.json.
module.exports = {
	'initial:before': {
		'loopback#favicon': { params: './favicon.ico' },
	},
	initial: {
		compression: { enabled: false },
		cors: {
			params: {
				// No CORS_DOMAIN in the environment: cors gets origin true (echo back).
				origin: process.env.CORS_DOMAIN ? process.env.CORS_DOMAIN.split(',') : true,
				credentials: true,
				maxAge: 86400,
			},
		},
		'helmet#noSniff': {},
	},
	session: {},
	auth: {},
	parse: {},
	routes: {
		'loopback#rest': { paths: ['${restApiRoot}'] },
	},
	files: {},
	final: { 'loopback#urlNotFound': {} },
	'final:after': {
		'strong-error-handler': { params: { debug: false, log: true } },
	},
};
