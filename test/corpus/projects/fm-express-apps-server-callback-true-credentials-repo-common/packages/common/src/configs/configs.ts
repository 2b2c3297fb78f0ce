import { env } from '../schemas/env';

export const FRONTEND_URL = env.FRONTEND_URL;
export const BACKEND_URL = env.BACKEND_URL;
