import cors from 'cors';
import express from 'express';
import helmet from 'helmet';

const app = express();

app.use(helmet());
app.use(express.json());

const devOrigins = ['http://localhost:3001', 'http://localhost:3000'];
app.use(cors({ origin: devOrigins, credentials: true }));

app.get('/', (_req, res) => res.json({ message: 'Welcome to the API' }));

app.listen(Number(process.env.PORT));
