import express from 'express';
import cors from 'cors';
import { corsOptions } from './middlewares/corsOptions';

const app = express();
app.use(cors(corsOptions));
app.get('/health', (_req, res) => res.send('ok'));
app.listen(3333);
