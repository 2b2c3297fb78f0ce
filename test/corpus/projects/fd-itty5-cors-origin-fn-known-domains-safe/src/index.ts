import { AutoRouter, cors } from 'itty-router';
import { pickCorsOrigin } from './client/cors-origin';

const { preflight, corsify } = cors({ origin: pickCorsOrigin, allowMethods: ['GET'] });

const router = AutoRouter({ before: [preflight], finally: [corsify] });

router.get('/', () => new Response('ops services'));
router.get('/badge/version/:repo', ({ params }) => new Response(`<svg>${params.repo}</svg>`));

export default router;
