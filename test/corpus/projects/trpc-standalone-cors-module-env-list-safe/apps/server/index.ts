import { createHTTPServer } from '@trpc/server/adapters/standalone';
import cors from 'cors';
import { BACKEND_PORT, CORS_ORIGINS } from '../../packages/config/constants';
import { appRouter } from './router';

createHTTPServer({
  router: appRouter,
  middleware: cors({ origin: CORS_ORIGINS, credentials: true }),
}).listen(BACKEND_PORT);
