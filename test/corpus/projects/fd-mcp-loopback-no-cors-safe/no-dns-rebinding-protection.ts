#!/usr/bin/env node
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const mcp = new McpServer({ name: 'echo-without-host-check', version: '1.0.0' });
mcp.tool('echo', 'Echo the input', { message: { type: 'string' } }, async ({ message }) => ({
  content: [{ type: 'text', text: `echo: ${message}` }],
}));

// Deliberately without createMcpExpressApp() or a Host-header check.
const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

const PORT = parseInt(process.env.PORT || '3003', 10);
app.listen(PORT, '127.0.0.1', () => {
  console.log(`MCP on http://localhost:${PORT}/mcp`);
});
