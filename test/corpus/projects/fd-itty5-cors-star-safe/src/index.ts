import { AutoRouter, cors } from 'itty-router';
import { socialLinks } from './data/social';

const { preflight, corsify } = cors({ origin: '*', allowMethods: '*' });

const router = AutoRouter({ before: [preflight], finally: [corsify] });

router.get('/socials', () => socialLinks);
router.get('*', () => new Response('Not found', { status: 404 }));

export default router;
