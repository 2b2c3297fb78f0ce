import { isOriginAllowed } from './isOriginAllowed.js';
import { CORS_METHODS, CORS_ORIGIN } from '../config.js';

export const corsOptions = {
  origin(origin, callback) {
    if (!origin || isOriginAllowed(origin, CORS_ORIGIN)) {
      return callback(null, true);
    }
    callback(new Error('Not allowed by CORS'));
  },
  methods: CORS_METHODS,
};
