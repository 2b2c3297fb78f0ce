import express from 'express';
import cors from 'cors';
import { allowedOrigins } from './config';

const app = express();
app.use(cors({ origin: allowedOrigins, credentials: true }));
app.get('/payments', (_req, res) => res.json([]));
app.listen(8080);
