import type { CorsOptions } from 'cors';
import { FRONTEND_URL } from '@repo/common/config';

// The dashboard's own URL is imported, but the callback admits every caller.
export const corsConfig: CorsOptions = {
  origin: (_origin, callback) => {
    callback(null, true);
  },
  credentials: true,
};

export const dashboardUrl = FRONTEND_URL;
