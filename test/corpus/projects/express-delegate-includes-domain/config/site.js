module.exports = { SITE_DOMAIN: 'inkwell.pub' };
