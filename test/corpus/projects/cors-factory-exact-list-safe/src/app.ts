import express from 'express';
import { createCors } from './presentation/middlewares/cors';

const origins = (process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173').split(',');

export const app = express();
app.use(createCors(origins));
app.get('/entries', (_req, res) => res.json([]));
