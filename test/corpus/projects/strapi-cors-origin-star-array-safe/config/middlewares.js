module.exports = [
  'strapi::errors',
  {
    name: 'strapi::cors',
    config: {
      // Strapi 5 tests an array with includes(requestOrigin): only a request whose
      // Origin is literally "*" would match, so no ACAO is ever sent.
      origin: ['*'],
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      headers: '*',
    },
  },
  'strapi::security',
  'strapi::poweredBy',
  'strapi::logger',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
