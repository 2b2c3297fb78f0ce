export const allowedOrigins = (process.env.CLIENT_ORIGINS || 'http://localhost:5173').split(',');
