import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import { crossOriginSettings } from './config/cors.js';

export class ShopApp {
  private readonly server: Express;

  constructor() {
    this.server = express();
    this.server.use(cors(crossOriginSettings));
    this.server.use(express.json());
    this.server.use(cookieParser());
    this.server.get('/api/products', (_req, res) => {
      res.json([]);
    });
  }

  listen(port: number) {
    return this.server.listen(port);
  }
}

new ShopApp().listen(3000);
