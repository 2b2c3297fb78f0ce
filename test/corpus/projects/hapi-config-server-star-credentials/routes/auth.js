module.exports = [
  { method: 'POST', path: '/login', handler: () => ({ token: 'jwt' }) },
  { method: 'GET', path: '/me', handler: (request) => ({ user: request.auth.credentials || null }) },
];
