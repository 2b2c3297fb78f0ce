import type { CorsOptions } from 'cors';

const ALLOWED = new Set(['https://boards.taskgrid.io', 'http://localhost:5173']);

export const corsOptions: CorsOptions = {
  origin(origin, callback) {
    if (!origin || ALLOWED.has(origin)) callback(null, true);
    else callback(new Error('CORS: origin not allowed'));
  },
  credentials: true,
};
