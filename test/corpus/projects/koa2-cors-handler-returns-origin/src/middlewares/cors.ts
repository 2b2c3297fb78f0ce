import cors from 'koa2-cors';

export const corsHandler = cors({
  credentials: true,
  origin: (ctx) => ctx.get('Origin'),
});
