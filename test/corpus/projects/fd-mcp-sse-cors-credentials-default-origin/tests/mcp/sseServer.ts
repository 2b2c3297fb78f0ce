import cors from 'cors';
import express from 'express';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';

import buildWeatherServer from './weatherTools';

const mcp = buildWeatherServer();
const app = express();

app.use(
  cors({
    credentials: true,
    exposedHeaders: '*',
  }),
);

let stream: SSEServerTransport;

app.get('/sse', async (_req, res) => {
  stream = new SSEServerTransport('/messages', res);
  await mcp.connect(stream);
});

app.post('/messages', async (req, res) => {
  await stream.handlePostMessage(req, res);
});

export default app;
