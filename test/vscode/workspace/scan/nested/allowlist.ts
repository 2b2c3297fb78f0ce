import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: ['https://shop.example.com', 'https://admin.example.com'], credentials: true }));

export default app;
