import { OpenAPIRouter } from '@cloudflare/itty-router-openapi';
import { createCors } from 'itty-router';
import { requireBearer } from './middlewares/auth';

const router = OpenAPIRouter({ schema: { info: { title: 'VM api', version: '1.0' } } });

const { preflight, corsify } = createCors({
  origins: ['*'],
  methods: ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS'],
  headers: {
    'Access-Control-Allow-Credentials': true,
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  },
});

router.get('/apis/instances', () => Response.json([]));
router.post('/apis/instances', requireBearer, () => Response.json({ created: true }));
router.all('*', preflight);
router.all('*', () => new Response('Not Found.', { status: 404 }));

export default {
  fetch: (request: Request, env: unknown, ctx: unknown) => router.handle(request, env, ctx).then(corsify),
};
