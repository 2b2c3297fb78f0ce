'use strict';

const loopback = require('loopback');
const boot = require('loopback-boot');

const app = (module.exports = loopback());

app.start = function () {
  return app.listen(function () {
    app.emit('started');
    console.log('API up at %s', app.get('url'));
  });
};

// loopback-boot reads server/middleware.json (and middleware.<env>.json) and
// registers each phase's middleware, including "cors" with its params.
boot(app, __dirname, function (err) {
  if (err) throw err;
  if (require.main === module) app.start();
});
