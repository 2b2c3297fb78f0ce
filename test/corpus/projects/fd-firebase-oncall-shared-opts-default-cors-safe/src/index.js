const { HttpsError } = require('firebase-functions/v2/https');
const { callable } = require('./core/functions');

exports.sign_in = callable(async (request) => {
  if (!request.data?.login) throw new HttpsError('invalid-argument', 'login missing');
  return { user: request.data.login };
});

exports.fetch_notifications = callable(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'sign in first');
  return { notifications: [], for: request.auth.uid };
});
