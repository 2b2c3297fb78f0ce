export const allowedOrigins = [
  'http://localhost:5173',
  'https://healpoints.vercel.app',
];

export const vercelPreviewPattern = /^https:\/\/healpoints-.*-acme-projects\.vercel\.app$/;
