import type { CorsOptions } from 'cors';

export const corsOptions: CorsOptions = {
  origin: (origin, callback) => {
    callback(null, origin);
  },
  credentials: true,
  exposedHeaders: ['X-Total-Count'],
};
