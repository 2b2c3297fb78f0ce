import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

export class BoardServer {
  private readonly web = express();
  private readonly tickets: { id: string; title: string; status: string }[] = [];

  constructor(private readonly port = 3000) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    this.web.use(express.json());
    this.web.use(express.static(path.join(here, 'public')));
    this.web.get('/api/tickets', (_req, res) => {
      res.json(this.tickets);
    });
    this.web.post('/api/tickets', (req, res) => {
      const ticket = { id: String(this.tickets.length + 1), title: String(req.body?.title ?? ''), status: 'todo' };
      this.tickets.push(ticket);
      res.status(201).json(ticket);
    });
    this.web.delete('/api/tickets/:id', (req, res) => {
      const at = this.tickets.findIndex((t) => t.id === req.params.id);
      if (at >= 0) this.tickets.splice(at, 1);
      res.status(204).send();
    });
  }

  start(): Promise<void> {
    return new Promise((resolve) => {
      this.web.listen(this.port, () => resolve());
    });
  }
}
