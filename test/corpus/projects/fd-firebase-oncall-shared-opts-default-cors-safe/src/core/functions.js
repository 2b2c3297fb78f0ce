const { https } = require('firebase-functions/v2');

const baseOptions = {
  region: 'southamerica-east1',
  enforceAppCheck: false,
  maxInstances: 10,
  secrets: ['PAYMENT_SERVICE_API_SECRET'],
};

// Every callable of the project goes through this wrapper; no cors option is given.
exports.callable = (handler) => https.onCall(baseOptions, handler);
