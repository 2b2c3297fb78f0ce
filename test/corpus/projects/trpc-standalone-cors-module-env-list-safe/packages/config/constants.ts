export const CORS_ORIGINS = ['https://cityclub.events', 'http://localhost:5173'];
export const BACKEND_PORT = 3005;
