import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';

const app = express();
const allowedOrigins = ['http://localhost:5173'];

app.use(express.json());
app.use(cookieParser());
app.use(cors({ origin: allowedOrigins, credentials: true }));

app.get('/', (req, res) => res.send('API working'));
app.listen(process.env.PORT || 5000);
