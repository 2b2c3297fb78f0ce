import buildRouter from './domains/router';

const router = buildRouter();

export default {
  async fetch(request: Request, env: unknown) {
    const response = await router.handle(request, env);
    response.headers.set('Access-Control-Allow-Origin', '*');
    response.headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
    response.headers.set('Access-Control-Allow-Headers', 'Origin, Content-Type, Accept, Authorization');
    return response;
  },
};
