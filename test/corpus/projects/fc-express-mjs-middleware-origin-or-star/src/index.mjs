import express from 'express';
import { corsMiddleware } from './middleware/cors.mjs';

const app = express();
app.use(corsMiddleware);
app.get('/messages', (req, res) => res.json([]));
app.listen(3000);
