#!/usr/bin/env node
import { BoardServer } from './index.js';

const port = process.env.PORT ? parseInt(process.env.PORT, 10) : 3000;
await new BoardServer(port).start();
