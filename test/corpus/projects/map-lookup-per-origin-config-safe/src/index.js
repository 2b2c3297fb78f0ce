const POLICIES = new Map([
  ['https://dash.gatekeep.io', { credentials: true }],
  ['https://docs.gatekeep.io', { credentials: false }],
]);

export default {
  async fetch(request) {
    const origin = request.headers.get('Origin');
    const policy = origin ? POLICIES.get(origin) : undefined;
    const headers = new Headers({ Vary: 'Origin' });
    if (policy) {
      headers.set('Access-Control-Allow-Origin', origin);
      if (policy.credentials) headers.set('Access-Control-Allow-Credentials', 'true');
    }
    return new Response('{}', { headers });
  },
};
