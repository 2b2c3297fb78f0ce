import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors());
app.use(express.json());

app.get('/', (req, res) => res.json({ message: 'hello', at: new Date().toISOString() }));
app.get('/api/users', (req, res) => res.json([{ id: 1, name: 'Till' }]));
app.post('/api/data', (req, res) => res.status(201).json({ received: req.body }));

app.listen(80);
