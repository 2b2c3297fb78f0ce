import cors from 'cors';
import express from 'express';
import { env } from '@repo/common/env';
import { corsConfig } from './config/config.js';

export const app = express();

app.use(cors(corsConfig));
app.use(express.json());

app.get('/api/domain', (req, res) => res.json({ domains: [], session: Boolean(req.headers.cookie) }));
app.post('/api/feedback', (req, res) => res.status(201).json({ saved: true }));

app.listen(env.PORT);
