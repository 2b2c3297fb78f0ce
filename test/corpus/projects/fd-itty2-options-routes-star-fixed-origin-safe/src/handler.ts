import { Router } from 'itty-router';
import ferries from './routes/ferries';

const router = Router();

const preflightReply = () =>
  new Response('', {
    status: 204,
    headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': '*' },
  });

router
  .get('/ferries', ferries)
  .options('/ferries', () => preflightReply)
  .all('*', () => new Response('Not Found.', { status: 404 }));

export const handleRequest = (request: Request) => router.handle(request);
