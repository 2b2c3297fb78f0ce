'use strict';

const loopback = require('loopback');
const boot = require('loopback-boot');

const app = (module.exports = loopback());

app.start = function start() {
	return app.listen(() => {
		app.emit('started');
		console.log('[server] %s', app.get('url'));
	});
};

// appRootDir is src/: loopback-boot picks up src/middleware.json and
// src/middleware.<env>.js from here.
boot(app, __dirname, (err) => {
	if (err) throw err;
	if (require.main === module) app.start();
});
