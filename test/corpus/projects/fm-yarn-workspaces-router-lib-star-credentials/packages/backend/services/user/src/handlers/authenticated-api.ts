import { RestApiRouter } from '@app/backend-framework';

const profileRoutes = [
  { method: 'GET', path: '/me', handler: async () => ({ statusCode: 200, body: { id: 'current-user' } }) },
];

export const authenticatedApi = RestApiRouter({ prefix: '/auth', controllers: [profileRoutes] });
