import express from 'express';
import cors from 'cors';

const server = express();
server.use(express.json());
server.use(cors());

server.post('/persona', (req, res) => res.json({ persona: req.body?.name ?? 'guide' }));
server.post('/chat', (req, res) => res.json({ reply: 'ok' }));

export default server;
