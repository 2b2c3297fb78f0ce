import express from 'express';
import refererCors from './middlewares/cors.js';

const app = express();
app.use(refererCors);
app.all('/mock/*', (req, res) => res.json({ mocked: true }));
app.listen(9090);
