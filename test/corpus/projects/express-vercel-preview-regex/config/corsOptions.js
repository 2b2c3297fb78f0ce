import { allowedOrigins } from './environment.js';

const isPreviewDeployment = (origin = '') => /^https:\/\/[\w-]+\.vercel\.app$/i.test(origin);

const corsOptions = {
  origin(origin, callback) {
    if (!origin) return callback(null, true);
    if (allowedOrigins.includes(origin) || isPreviewDeployment(origin)) return callback(null, true);
    return callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
};

export default corsOptions;
