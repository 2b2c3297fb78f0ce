import { createRouter } from '@/lib/create-app';
import apiCors from '@/middlewares/api-cors';

const router = createRouter();
router.use(apiCors);
router.get('/listings', (c) => c.json([]));

export default router;
