import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';
import { corsOptions } from './config/corsOptions.js';

const app = express();
app.use(cors(corsOptions));
app.use(cookieParser());
app.get('/api/candidates/me', (req, res) => res.json({ id: req.cookies.sid }));
export default app;
