import cors from '@koa/cors';
import bodyParser from 'koa-bodyparser';

export const bodyParserMiddleware = bodyParser({ enableTypes: ['json', 'text', 'form'] });

// No origin option: @koa/cors before 5 answers with the request's Origin; credentials stay off.
export const corsMiddleware = cors({
  keepHeadersOnError: true,
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Length', 'Content-Type', 'X-Upload-Length', 'X-Upload-Offset'],
});

export function bearerFrom(header: string | undefined): string | null {
  if (!header) return null;
  return header.startsWith('Bearer ') ? header.slice(7) : header;
}
