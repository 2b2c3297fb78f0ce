import { registerAs } from '@nestjs/config';

export const appConfig = registerAs('app', () => ({
  port: parseInt(process.env['PORT'] || '3001', 10),
  corsOrigin: process.env['CORS_ORIGIN'] || 'http://localhost:3001',
  frontendUrl: process.env['FRONTEND_URL'] || 'http://localhost:3000',
}));
