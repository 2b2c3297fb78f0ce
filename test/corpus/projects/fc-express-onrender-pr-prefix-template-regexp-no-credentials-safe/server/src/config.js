export const CORS_ORIGIN = process.env.CORS_ORIGIN || 'https://trailkit.example.com';
export const CORS_METHODS = 'GET,POST,PUT,DELETE';
