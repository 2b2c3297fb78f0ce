const makeCors = require('restify-cors-middleware');

const cors = makeCors({
  origins: ['*'],
  allowHeaders: ['x-access-token'],
  exposeHeaders: ['*'],
});

module.exports = cors;
