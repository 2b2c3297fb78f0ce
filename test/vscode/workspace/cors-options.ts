// A TypeScript server using the `cors` package: reflection through `origin: true` with credentials.
import cors from 'cors';
import express, { type Request, type Response } from 'express';

const app = express();

app.use(cors({ origin: true, credentials: true }));

app.get('/me', (req: Request, res: Response) => {
  res.json({ user: req.header('x-user') as string });
});
