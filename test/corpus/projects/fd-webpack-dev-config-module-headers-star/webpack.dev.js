const sharedConfig = require('./webpack.config.js');

sharedConfig.devServer = {
  port: 9005,
  headers: {
    'Access-Control-Allow-Origin': '*',
  },
};

module.exports = sharedConfig;
