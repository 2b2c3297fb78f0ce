import { createServer } from 'node:http';
import { transport } from './transport';

export const server = createServer((req, res) => transport.handleRequest(req, res));
