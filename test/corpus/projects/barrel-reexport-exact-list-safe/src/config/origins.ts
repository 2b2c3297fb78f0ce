export const allowedOrigins = ['https://dashboard.paylane.io', 'http://localhost:3000'];
