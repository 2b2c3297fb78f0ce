import { withCorsHeaders, corsPreflight } from '@kanban/base-lib';
import type { Env } from './config/env.config';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const corsOptions = { origin: env.FRONTEND_URL };
    if (request.method === 'OPTIONS') return corsPreflight(corsOptions);

    const reply = Response.json({ boards: [] });
    return withCorsHeaders(reply, corsOptions);
  },
};
