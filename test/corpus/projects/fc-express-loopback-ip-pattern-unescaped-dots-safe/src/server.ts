import express from 'express';
import cors from 'cors';
import corsConfig from './cors';

const app = express();
app.use(cors(corsConfig));
app.get('/rooms', (_req, res) => res.json([]));
app.listen(4000);
