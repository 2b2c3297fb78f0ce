import cors from 'cors';
import express from 'express';
import { buildCorsDelegate } from './utils/cors-policy';

export class App {
  app = express();

  async config() {
    this.app.use(express.json({ limit: '50mb' }));
    this.app.use(cors(buildCorsDelegate()));
    this.app.get('/api/v1/ping', (_req, res) => res.send('pong'));
  }
}
