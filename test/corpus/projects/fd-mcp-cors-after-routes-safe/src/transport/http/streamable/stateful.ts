import express from 'express';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { buildPostsServer } from '../../../mcp/server.ts';
import { corsLayer } from '../cors.ts';

const web = express();
web.use(express.json());

const sessions: Record<string, StreamableHTTPServerTransport> = {};

web.post('/mcp', async (req, res) => {
  const id = req.headers['mcp-session-id'] as string | undefined;
  let transport = id ? sessions[id] : undefined;
  if (!transport) {
    if (id || !isInitializeRequest(req.body)) {
      res.status(400).json({ jsonrpc: '2.0', error: { code: -32000, message: 'no valid session' }, id: null });
      return;
    }
    const created = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (newId) => {
        sessions[newId] = created;
      },
    });
    created.onclose = () => {
      if (created.sessionId) delete sessions[created.sessionId];
    };
    await buildPostsServer().connect(created);
    transport = created;
  }
  await transport.handleRequest(req, res, req.body);
});

const bySession = async (req: express.Request, res: express.Response) => {
  const id = req.headers['mcp-session-id'] as string | undefined;
  if (!id || !sessions[id]) {
    res.status(400).send('unknown session');
    return;
  }
  await sessions[id].handleRequest(req, res);
};

web.get('/mcp', bySession);
web.delete('/mcp', bySession);

// Registered last: reached only by requests no route above answered.
web.use(corsLayer);

export { web as app };
