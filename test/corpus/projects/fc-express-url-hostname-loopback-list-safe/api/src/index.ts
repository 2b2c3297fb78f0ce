import express from 'express';
import cors from 'cors';
import { CORS_CONFIG } from './utils/cors';

const app = express();
app.use(cors(CORS_CONFIG));
app.get('/schools', (_req, res) => res.json([]));
app.listen(3000);
