import express from 'express';
import cors from 'cors';
import { getCorsOptions } from './initialization/getCorsOptions';

const app = express();
app.use(cors(getCorsOptions(process.env.DOMAIN ?? 'classroom.example')));
app.get('/media/:id', (req, res) => res.json({ id: req.params.id }));
export default app;
