export { default as corsConfig } from './cors.config';
export const appPort = Number(process.env.PORT ?? 3000);
