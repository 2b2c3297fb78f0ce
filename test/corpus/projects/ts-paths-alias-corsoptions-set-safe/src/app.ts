import express from 'express';
import cors from 'cors';
import { corsOptions } from '@config/cors';

export const app = express();
app.use(cors(corsOptions));
app.get('/boards', (_req, res) => res.json([]));
