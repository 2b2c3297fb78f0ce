import { router } from './routes';

export default { fetch: (request: Request) => router.handle(request) };
