module.exports = (app) => {
  app.koa.keys = ['replace-me'];

  app.origins = [
    // development
    'http://localhost:3000',
    'https://localhost:3000',
    'https://localhost:3001',

    // production
    'http://kodachi.se',
    'https://kodachi.se',
    'https://api.kodachi.se',
    'http://dev.kodachi.se',
    'https://dev.kodachi.se',
  ];
};
