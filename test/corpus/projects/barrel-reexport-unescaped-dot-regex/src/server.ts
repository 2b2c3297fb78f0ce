import express from 'express';
import cors from 'cors';
import { allowedOrigins, corsCredentials, port } from './config';

const app = express();
app.use(cors({ origin: allowedOrigins, credentials: corsCredentials }));
app.get('/payments', (_req, res) => res.json([]));
app.listen(port);
