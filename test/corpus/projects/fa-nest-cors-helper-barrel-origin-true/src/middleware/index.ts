import { applyCors } from './cors/cors.middleware';

export { applyCors };
