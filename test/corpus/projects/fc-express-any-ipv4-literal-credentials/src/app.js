import express from 'express';
import corsMiddleware from './middlewares/cors.js';

const app = express();
app.use(corsMiddleware);
app.get('/tasks', (req, res) => res.json([]));
export default app;
