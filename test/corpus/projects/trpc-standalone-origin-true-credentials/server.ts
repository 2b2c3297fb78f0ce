import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { initTRPC } from '@trpc/server';
import cors from 'cors';

const t = initTRPC.create();
const appRouter = t.router({ whoami: t.procedure.query(() => 'me') });

createHTTPServer({
  router: appRouter,
  middleware: cors({ origin: true, credentials: true }),
}).listen(2022);
