// no-exposed-local-server, family by family: each local server that lets every website read it, and its
// safe look-alike (the tool's own UI origin only, a token the page cannot know, an Origin allowlist that
// answers 403), plus the public look-alikes (`*` on a server with no local evidence stays clean). Then the
// advisories of 2025 rewritten as small servers, the vulnerable form and the fixed one.
import { join } from 'node:path';
import rule from '../../eslint-plugin/src/rules/no-exposed-local-server';
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noNullOrigin from '../../eslint-plugin/src/rules/no-null-origin';
import noUnsafeOriginCheck from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import { ruleTester } from './tester';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const fixtures = join(__dirname, '..', 'fixtures', 'local-server');

const express = (cors: string, listen = `app.listen(3000, '127.0.0.1');`) => `import express from 'express';
import cors from 'cors';
const app = express();
app.use(${cors});
app.post('/tools/run', (req, res) => res.json(runTool(req.body)));
app.get('/status', (req, res) => res.json({ ok: true }));
${listen}`;

const nodeHttp = (headers: string, host = `'localhost'`) => `import http from 'node:http';
http.createServer((req, res) => {
  ${headers}
  if (req.url === '/files') return res.end(readFiles());
  res.end('ok');
}).listen(8080, ${host});`;

const WILDCARD_ROUTES = {
  how: 'listens on 127.0.0.1',
  routes: 'POST /tools/run and GET /status',
};

ruleTester.run('no-exposed-local-server', rule, {
  valid: [
    // Express on loopback: the tool's own UI origin only; no CORS at all.
    express(`cors({ origin: 'http://localhost:5173' })`),
    express(`cors({ origin: ['http://localhost:5173', 'http://127.0.0.1:5173'] })`),
    express(`express.json()`),
    // A token the page cannot know, checked before any route.
    `import express from 'express';
import cors from 'cors';
const TOKEN = crypto.randomUUID();
const app = express();
app.use(cors());
app.use((req, res, next) => {
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
});
app.post('/tools/run', (req, res) => res.json(runTool(req.body)));
app.listen(3000, '127.0.0.1');`,
    // An Origin allowlist that refuses other origins with 403, whatever the CORS middleware sends.
    `import express from 'express';
import cors from 'cors';
const UI = new Set(['http://localhost:5173']);
const app = express();
app.use((req, res, next) => {
  if (req.headers.origin && !UI.has(req.headers.origin)) return res.status(403).end();
  next();
});
app.use(cors());
app.post('/tools/run', (req, res) => res.json(runTool(req.body)));
app.listen(3000, 'localhost');`,
    // Public APIs: `*` with no local evidence (no host: every interface), `0.0.0.0`, a host from the
    // environment with no local default.
    express(`cors()`, `app.listen(process.env.PORT || 3000);`),
    express(`cors()`, `app.listen(3000, '0.0.0.0');`),
    express(`cors()`, `app.listen(3000, process.env.HOST);`),
    nodeHttp(`res.setHeader('Access-Control-Allow-Origin', '*');`, `'0.0.0.0'`),
    // node:http on localhost: the UI origin only.
    nodeHttp(
      `if (req.headers.origin === 'http://localhost:8080') res.setHeader('Access-Control-Allow-Origin', req.headers.origin);`,
    ),
    // Fastify on loopback with the UI origin.
    `import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
await fastify.register(cors, { origin: ['http://localhost:3000'] });
fastify.post('/exec', async (req) => run(req.body));
await fastify.listen({ port: 3000, host: '127.0.0.1' });`,
    // Hono on Node with a bearer token in front of every route.
    `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { bearerAuth } from 'hono/bearer-auth';
import { serve } from '@hono/node-server';
const app = new Hono();
app.use('*', cors());
app.use('*', bearerAuth({ token: process.env.TOOL_TOKEN }));
app.post('/run', (c) => c.json(run()));
serve({ fetch: app.fetch, port: 8787, hostname: '127.0.0.1' });`,
    // Deno on every interface: no local evidence.
    `Deno.serve({ hostname: '0.0.0.0', port: 8000 }, () => new Response('hi', { headers: { 'Access-Control-Allow-Origin': '*' } }));`,
    // Bun with the UI origin.
    `Bun.serve({
  hostname: 'localhost',
  fetch(req) {
    const origin = req.headers.get('origin');
    const headers = origin === 'http://localhost:3000' ? { 'Access-Control-Allow-Origin': origin } : {};
    return new Response('ok', { headers });
  },
});`,
    // MCP over Streamable HTTP with the SDK's Origin allowlist on (other origins are refused).
    `import express from 'express';
import cors from 'cors';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.use(cors());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => crypto.randomUUID(),
    enableDnsRebindingProtection: true,
    allowedHosts: ['127.0.0.1:3000'],
    allowedOrigins: ['http://localhost:6274'],
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);`,
    // MCP over SSE with the UI origin.
    `import express from 'express';
import cors from 'cors';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const app = express();
app.use(cors({ origin: 'http://localhost:6274' }));
app.get('/sse', async (req, res) => { await server.connect(new SSEServerTransport('/messages', res)); });
app.listen(3001);`,
    // MCP in a container: explicit 0.0.0.0 is not judged local.
    `import express from 'express';
import cors from 'cors';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const app = express();
app.use(cors());
app.get('/sse', async (req, res) => { await server.connect(new SSEServerTransport('/messages', res)); });
app.listen(3001, '0.0.0.0');`,
    // A vite plugin's middleware that answers the dev server's own origin only.
    `export default function filesPlugin() {
  return {
    name: 'files',
    configureServer(server) {
      server.middlewares.use('/__files', (req, res) => {
        if (req.headers.origin === 'http://localhost:5173') res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
        res.end(listFiles());
      });
    },
  };
}`,
    // webpack-dev-server middleware for the UI origin only.
    `module.exports = {
  devServer: {
    setupMiddlewares(middlewares, devServer) {
      devServer.app.get('/__open', (req, res) => {
        res.set('Access-Control-Allow-Origin', 'http://localhost:8080');
        res.send(openInEditor(req.query.file));
      });
      return middlewares;
    },
  },
};`,
    // The dev server's headers for its own UI origin only.
    `module.exports = { devServer: { headers: { 'Access-Control-Allow-Origin': 'http://localhost:8080' } } };`,
    // The Electron helper with a per-launch token the page cannot know.
    `const { app } = require('electron');
const http = require('node:http');
const secret = require('node:crypto').randomBytes(32).toString('hex');
app.whenReady().then(() => {
  http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.headers['x-helper-token'] !== secret) { res.statusCode = 403; return res.end(); }
    if (req.url === '/wallet/sign') return res.end(sign(req));
    res.end();
  }).listen(47800);
});`,
    // The VS Code extension's server answering its webview's origin only.
    `import * as vscode from 'vscode';
import express from 'express';
import cors from 'cors';
export function activate(context) {
  const app = express();
  app.use(cors({ origin: 'vscode-webview://preview' }));
  app.get('/workspace/file', (req, res) => res.send(read(req.query.path)));
  app.listen(0);
}`,
    // The same server code, in a package with no bin: nothing says it runs on the user's machine.
    {
      code: `const express = require('express');
const cors = require('cors');
exports.start = (port) => {
  const app = express();
  app.use(cors());
  app.post('/api/open-file', (req, res) => res.json({ opened: req.body.path }));
  app.listen(port);
};`,
      filename: join(fixtures, 'lib-only', 'src', 'server.js'),
    },
    // The CLI's server with its UI origin.
    {
      code: `const express = require('express');
const cors = require('cors');
exports.start = (port) => {
  const app = express();
  app.use(cors({ origin: \`http://localhost:\${port}\` }));
  app.post('/api/open-file', (req, res) => res.json({ opened: req.body.path }));
  app.listen(port);
};`,
      filename: join(fixtures, 'cli-tool', 'src', 'server.js'),
    },
    // A regex of localhost origins only (any port): no stranger's page matches it.
    express(`cors({ origin: /^http:\\/\\/localhost:\\d+$/ })`),
  ],
  invalid: [
    {
      // The example: Express on 127.0.0.1, `cors()`, a POST route that runs a tool.
      code: express(`cors()`),
      errors: [{ messageId: 'exposedWildcard', data: WILDCARD_ROUTES, line: 4 }],
    },
    {
      // A Host check stops DNS rebinding, not a page that calls http://127.0.0.1:3000 by name: still a finding.
      code: `import express from 'express';
import cors from 'cors';
const app = express();
app.use((req, res, next) => {
  if (!['127.0.0.1:3000', 'localhost:3000'].includes(req.headers.host)) return res.status(403).end();
  next();
});
app.use(cors());
app.post('/tools/run', (req, res) => res.json(runTool(req.body)));
app.listen(3000, '127.0.0.1');`,
      errors: [{ messageId: 'exposedWildcard', line: 8 }],
    },
    {
      // A presence test of Authorization is no token check: the page can send any value.
      code: `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors());
app.use((req, res, next) => {
  if (!req.headers.authorization) return res.status(401).end();
  next();
});
app.post('/tools/run', (req, res) => res.json(runTool(req.body)));
app.listen(3000, '127.0.0.1');`,
      errors: [{ messageId: 'exposedWildcard', line: 4 }],
    },
    {
      // A host from the environment with a loopback default is local.
      code: express(`cors({ origin: true })`, `app.listen(3000, process.env.HOST || 'localhost');`),
      errors: [
        {
          messageId: 'exposedReflect',
          data: { how: 'listens on localhost', routes: 'POST /tools/run and GET /status', cookies: '' },
        },
      ],
    },
    {
      code: express(`cors({ origin: ['http://localhost:5173', 'null'] })`),
      errors: [{ messageId: 'exposedNull' }],
    },
    {
      // A loose check: a prefix test of localhost lets http://localhost.<attacker domain> in.
      code: express(`cors({ origin: (origin, cb) => cb(null, !origin || origin.startsWith('http://localhost')) })`),
      errors: [{ messageId: 'exposedCheck' }],
    },
    {
      code: nodeHttp(`res.setHeader('Access-Control-Allow-Origin', '*');`),
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: 'listens on localhost', routes: '/files' },
        },
      ],
    },
    {
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
await fastify.register(cors, { origin: true });
fastify.post('/exec', async (req) => run(req.body));
await fastify.listen({ port: 3000, host: '::1' });`,
      errors: [{ messageId: 'exposedReflect', data: { how: 'listens on ::1', routes: 'POST /exec', cookies: '' } }],
    },
    {
      // Hono on Node.
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serve } from '@hono/node-server';
const app = new Hono();
app.use('*', cors());
app.post('/run', (c) => c.json(run()));
serve({ fetch: app.fetch, port: 8787, hostname: '127.0.0.1' });`,
      errors: [{ messageId: 'exposedWildcard', data: { how: 'listens on 127.0.0.1', routes: 'POST /run' } }],
    },
    {
      // Hono on Bun.
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('*', cors({ origin: (origin) => origin }));
app.delete('/files/:name', (c) => c.json(remove(c.req.param('name'))));
Bun.serve({ hostname: 'localhost', port: 4000, fetch: app.fetch });`,
      errors: [
        {
          messageId: 'exposedReflect',
          data: { how: 'listens on localhost', routes: 'DELETE /files/:name', cookies: '' },
        },
      ],
    },
    {
      code: `Deno.serve({ hostname: '127.0.0.1', port: 8000 }, () => new Response(Deno.readTextFileSync('notes.md'), { headers: { 'Access-Control-Allow-Origin': '*' } }));`,
      errors: [{ messageId: 'exposedWildcard', data: { how: 'listens on 127.0.0.1', routes: 'this server' } }],
    },
    {
      // MCP over SSE: local by its role (no host given), with its tools named.
      code: `import express from 'express';
import cors from 'cors';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const server = new McpServer({ name: 'shell', version: '1.0.0' });
server.tool('run_command', { command: z.string() }, async ({ command }) => exec(command));
const app = express();
app.use(cors());
app.get('/sse', async (req, res) => { await server.connect(new SSEServerTransport('/messages', res)); });
app.post('/messages', (req, res) => handle(req, res));
app.listen(3001);`,
      errors: [
        {
          messageId: 'exposedWildcard',
          data: {
            how: 'is an MCP server over HTTP (`SSEServerTransport`)',
            routes: 'the MCP tool `run_command`, POST /messages and GET /sse',
          },
        },
      ],
    },
    {
      // MCP over Streamable HTTP: `allowedHosts` alone checks Host, not Origin, so `*` still lets any page read.
      code: `import express from 'express';
import cors from 'cors';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.use(cors({ origin: '*', exposedHeaders: ['Mcp-Session-Id'] }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: ['127.0.0.1:3000'],
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);`,
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: 'is an MCP server over HTTP (`StreamableHTTPServerTransport`)', routes: 'POST /mcp' },
        },
      ],
    },
    {
      code: `export default function filesPlugin() {
  return {
    name: 'files',
    configureServer(server) {
      server.middlewares.use('/__files', (req, res) => {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.end(listFiles());
      });
    },
  };
}`,
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: 'is a vite dev-server middleware (`configureServer`)', routes: 'this server' },
        },
      ],
    },
    {
      code: `module.exports = {
  devServer: {
    setupMiddlewares(middlewares, devServer) {
      devServer.app.get('/__open', (req, res) => {
        res.set('Access-Control-Allow-Origin', req.headers.origin);
        res.send(openInEditor(req.query.file));
      });
      return middlewares;
    },
  },
};`,
      errors: [
        {
          messageId: 'exposedReflect',
          data: {
            how: 'is a webpack dev-server middleware (`devServer.setupMiddlewares`)',
            routes: 'GET /__open',
            cookies: '',
          },
        },
      ],
    },
    {
      // webpack-dev-server's own \`headers\` option: every response of the dev server, bundles included.
      code: `module.exports = { devServer: { port: 8080, headers: { 'Access-Control-Allow-Origin': '*' } } };`,
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: 'is a webpack dev server (\`devServer\`)', routes: 'this server' },
        },
      ],
    },
    {
      // An Electron app's helper server (no host: local by its role).
      code: `const { app } = require('electron');
const http = require('node:http');
app.whenReady().then(() => {
  http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.url === '/wallet/sign') return res.end(sign(req));
    res.end();
  }).listen(47800);
});`,
      errors: [
        { messageId: 'exposedWildcard', data: { how: 'is started by an Electron app', routes: '/wallet/sign' } },
      ],
    },
    {
      // A VS Code extension's preview server.
      code: `import * as vscode from 'vscode';
import express from 'express';
import cors from 'cors';
export function activate(context) {
  const app = express();
  app.use(cors({ origin: true }));
  app.get('/workspace/file', (req, res) => res.send(read(req.query.path)));
  app.listen(0);
}`,
      errors: [
        {
          messageId: 'exposedReflect',
          data: { how: 'is started by a VS Code extension', routes: 'GET /workspace/file', cookies: '' },
        },
      ],
    },
    {
      // A CLI: the package's bin requires this file, which starts the server (no host: local by its role).
      code: `const express = require('express');
const cors = require('cors');

exports.start = (port) => {
  const app = express();
  app.use(cors());
  app.post('/api/open-file', (req, res) => res.json({ opened: req.body.path }));
  app.listen(port);
};`,
      filename: join(fixtures, 'cli-tool', 'src', 'server.js'),
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: "is started by the package's `bin` (`cli-tool`)", routes: 'POST /api/open-file' },
        },
      ],
    },
  ],
});

// The advisories of 2025, rewritten as small servers: the vulnerable form, then the fixed one.
ruleTester.run('no-exposed-local-server (advisories)', rule, {
  valid: [
    // vite CVE-2025-24010, fixed: the dev server's CORS allows only localhost, 127.0.0.1 and ::1 origins.
    `import cors from 'cors';
export const devCors = () => ({
  name: 'dev-cors',
  configureServer(server) {
    server.middlewares.use(cors({ origin: /^https?:\\/\\/(?:(?:[^:]+\\.)?localhost|127\\.0\\.0\\.1|\\[::1\\])(?::\\d+)?$/ }));
  },
});`,
    // esbuild serve, fixed: the proxy in front of esbuild's server answers the page it serves only.
    `import * as esbuild from 'esbuild';
import http from 'node:http';
const ctx = await esbuild.context({ entryPoints: ['src/app.ts'], bundle: true, outdir: 'www' });
const { port } = await ctx.serve({ servedir: 'www' });
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://localhost:8000');
  forward(req, res, port);
}).listen(8000);`,
    // webpack-dev-server CVE-2025-30360, fixed: only localhost names pass the Origin check.
    `module.exports = {
  devServer: {
    setupMiddlewares(middlewares, devServer) {
      devServer.app.use((req, res, next) => {
        const origin = req.headers.origin;
        if (origin === 'http://localhost:8080' || origin === 'http://127.0.0.1:8080') res.setHeader('Access-Control-Allow-Origin', origin);
        next();
      });
      return middlewares;
    },
  },
};`,
    // Next.js dev (CVE-2025-48068), fixed: the custom dev server lets in only the origins named, like allowedDevOrigins.
    `import next from 'next';
import express from 'express';
import cors from 'cors';
const dev = next({ dev: true });
const server = express();
server.use(cors({ origin: ['http://localhost:3000', 'http://192.168.1.20:3000'] }));
server.all('*', dev.getRequestHandler());
server.listen(3000);`,
    // MCP Inspector CVE-2025-49596, fixed (0.14.1): a session token every request must carry, an Origin
    // allowlist, and the proxy bound to localhost.
    `import express from 'express';
import cors from 'cors';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const sessionToken = randomBytes(32).toString('hex');
const allowedOrigins = ['http://localhost:6274'];
const app = express();
app.use(cors());
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !allowedOrigins.includes(origin)) return res.status(403).json({ error: 'Forbidden origin' });
  if (req.headers['x-mcp-proxy-auth'] !== \`Bearer \${sessionToken}\`) return res.status(401).json({ error: 'Unauthorized' });
  next();
});
app.get('/sse', async (req, res) => {
  const child = spawnServer(req.query.command, req.query.args);
  await connect(child, new SSEServerTransport('/message', res));
});
app.listen(6277, 'localhost');`,
  ],
  invalid: [
    {
      // vite CVE-2025-24010: the dev server's default CORS let every origin read it.
      code: `import cors from 'cors';
export const devCors = () => ({
  name: 'dev-cors',
  configureServer(server) {
    server.middlewares.use(cors());
  },
});`,
      errors: [{ messageId: 'exposedWildcard' }],
    },
    {
      // esbuild serve (GHSA-67mh-4wv8-2f99): `*` on every response of the dev server, so any site reads the bundles.
      code: `import * as esbuild from 'esbuild';
import http from 'node:http';
const ctx = await esbuild.context({ entryPoints: ['src/app.ts'], bundle: true, outdir: 'www' });
const { port } = await ctx.serve({ servedir: 'www' });
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  forward(req, res, port);
}).listen(8000);`,
      errors: [
        { messageId: 'exposedWildcard', data: { how: "is in front of esbuild's dev server", routes: 'this server' } },
      ],
    },
    {
      // webpack-dev-server CVE-2025-30360: the Origin check let every origin whose host is an IP address in.
      code: `module.exports = {
  devServer: {
    setupMiddlewares(middlewares, devServer) {
      devServer.app.use((req, res, next) => {
        const origin = req.headers.origin;
        if (origin === 'http://localhost:8080' || /^https?:\\/\\/\\d+\\.\\d+\\.\\d+\\.\\d+/.test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
        next();
      });
      return middlewares;
    },
  },
};`,
      errors: [{ messageId: 'exposedCheck' }],
    },
    {
      // Next.js dev (CVE-2025-48068): a dev server that answered every origin.
      code: `import next from 'next';
import express from 'express';
import cors from 'cors';
const dev = next({ dev: true });
const server = express();
server.use(cors({ origin: true }));
server.all('*', dev.getRequestHandler());
server.listen(3000);`,
      errors: [
        {
          messageId: 'exposedReflect',
          data: { how: 'is a Next.js dev server (`dev: true`)', routes: 'this server', cookies: '' },
        },
      ],
    },
    {
      // MCP Inspector CVE-2025-49596: the proxy started any command a page asked for, with `cors()` and no token.
      code: `import express from 'express';
import cors from 'cors';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
const app = express();
app.use(cors());
app.get('/sse', async (req, res) => {
  const child = spawnServer(req.query.command, req.query.args);
  await connect(child, new SSEServerTransport('/message', res));
});
app.listen(6277);`,
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: 'is an MCP server over HTTP (`SSEServerTransport`)', routes: 'GET /sse' },
        },
      ],
    },
  ],
});

// Local tools whose own settings carry the CORS policy: vite's `server` options, a webpack config's
// `devServer` set after the fact, mcp-framework's HTTP transports, the cors-anywhere proxy and Deno's
// `serveDir`. Each beside its safe look-alike (the UI origin only, an allowlist answering 403, no CORS) and a
// public server with the same `*` that stays clean.
const vite = (server: string) => `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({
  plugins: [react()],
  server: ${server},
});`;

const mcpFramework = (transport: string) => `import { MCPServer } from 'mcp-framework';
const server = new MCPServer({ transport: ${transport} });
server.start();`;

const THIS_SERVER = 'this server';

ruleTester.run('no-exposed-local-server (local tools and their settings)', rule, {
  valid: [
    // vite: the UI origin only, in the dev server's headers or its cors option.
    vite(`{ headers: { 'Access-Control-Allow-Origin': 'http://localhost:5173' } }`),
    vite(`{ host: '127.0.0.1', cors: { origin: 'http://localhost:5173' } }`),
    // vite merges an options object into its own default origin (localhost origins only): no website gets in.
    vite(`{ cors: { credentials: true } }`),
    vite(`{ cors: false }`),
    // A config written as a function: its returned settings are read the same way.
    `import { defineConfig } from 'vite';
export default defineConfig(({ mode }) => ({ server: { cors: { origin: 'http://localhost:5173' } } }));`,
    // A Host check (vite's allowedHosts) and no CORS.
    vite(`{ host: '127.0.0.1', allowedHosts: ['localhost'] }`),
    // The same headers in a config that is not vite's (no vite import, not vite.config.*): nothing says where
    // it runs.
    `export default { server: { headers: { 'Access-Control-Allow-Origin': '*' } } };`,
    // An SSR server that imports vite's createServer for development answers production requests too: its
    // `server` options are not a vite config, and `cors()` on listen(PORT) stays public.
    `import express from 'express';
import cors from 'cors';
import { createServer } from 'vite';
const app = express();
app.use(cors());
if (process.env.NODE_ENV !== 'production') {
  const vite = await createServer({ server: { middlewareMode: true, hmr: { port: 24678 } }, appType: 'custom' });
  app.use(vite.middlewares);
}
app.get('/api/products', (req, res) => res.json(products()));
app.listen(process.env.PORT || 3000);`,
    // A webpack config's devServer set afterwards, for the host shell's origin only.
    `const config = require('./webpack.config.js');
config.devServer = { port: 9005, headers: { 'Access-Control-Allow-Origin': 'http://localhost:9000' } };
module.exports = config;`,
    // mcp-framework: stdio (the default) has no HTTP; the UI origin only; an allowedOrigins list answering 403.
    `import { MCPServer } from 'mcp-framework';
new MCPServer().start();`,
    mcpFramework(`{ type: 'http-stream', options: { port: 8080, cors: { allowOrigin: 'http://localhost:6274' } } }`),
    mcpFramework(
      `{ type: 'http-stream', options: { cors: { allowOrigin: '*', allowedOrigins: ['http://localhost:6274'] } } }`,
    ),
    // ... and on 0.0.0.0, a server for the network (a container): not judged local.
    mcpFramework(`{ type: 'http-stream', options: { host: '0.0.0.0', cors: { allowOrigin: '*' } } }`),
    // cors-anywhere: the web app's own origins only (other origins get 403); a public proxy on every interface.
    `const corsAnywhere = require('cors-anywhere');
corsAnywhere.createServer({ originWhitelist: ['http://localhost:3000'] }).listen(8080, 'localhost');`,
    `const corsAnywhere = require('cors-anywhere');
corsAnywhere.createServer({ originWhitelist: [] }).listen(process.env.PORT || 8080, '0.0.0.0');`,
    // serveDir: '*' on a server with no hostname (every interface: a public site); no enableCors on localhost.
    `import { serveDir } from '@std/http/file-server';
Deno.serve((req) => serveDir(req, { fsRoot: 'dist', enableCors: true }));`,
    `import { serveDir } from '@std/http/file-server';
Deno.serve({ hostname: '127.0.0.1' }, (req) => serveDir(req, { fsRoot: 'dist' }));`,
  ],
  invalid: [
    {
      // vite's server.headers: every response of the dev server, source modules included.
      code: vite(`{ headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' } }`),
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: "is vite's dev server (`server` in its config)", routes: THIS_SERVER },
          line: 5,
        },
      ],
    },
    {
      // server.cors: true is `cors({})`: `*` for every origin, the default vite had before CVE-2025-24010.
      code: vite(`{ host: '127.0.0.1', port: 5137, cors: true }`),
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: "is vite's dev server (`server` in its config)", routes: THIS_SERVER },
        },
      ],
    },
    {
      code: vite(`{ cors: { origin: '*' } }`),
      errors: [{ messageId: 'exposedWildcard' }],
    },
    {
      code: `import { defineConfig } from 'vite';
export default defineConfig(({ command }) => ({ server: { cors: true } }));`,
      errors: [{ messageId: 'exposedWildcard', line: 2 }],
    },
    {
      // A vite.config.js exporting a plain object (no import): the file's name says it is vite's config.
      code: `export default { server: { port: 5173, headers: { 'Access-Control-Allow-Origin': '*' } } };`,
      filename: join(fixtures, 'vite.config.js'),
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: "is vite's dev server (`server` in its config)", routes: THIS_SERVER },
        },
      ],
    },
    {
      // A shared webpack config given a devServer by the dev config.
      code: `const config = require('./webpack.config.js');
config.devServer = { port: 9005, headers: { 'Access-Control-Allow-Origin': '*' } };
module.exports = config;`,
      errors: [
        { messageId: 'exposedWildcard', data: { how: 'is a webpack dev server (`devServer`)', routes: THIS_SERVER } },
      ],
    },
    {
      // mcp-framework's http-stream transport with `*` written, and with its defaults (also `*`).
      code: mcpFramework(`{ type: 'http-stream', options: { port: 5102, cors: { allowOrigin: '*' } } }`),
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: 'is an MCP server over HTTP (mcp-framework `http-stream` transport)', routes: THIS_SERVER },
        },
      ],
    },
    {
      code: mcpFramework(`{ type: 'sse', options: { port: 8080 } }`),
      errors: [
        {
          messageId: 'exposedWildcard',
          data: { how: 'is an MCP server over HTTP (mcp-framework `sse` transport)', routes: THIS_SERVER },
        },
      ],
    },
    {
      // cors-anywhere with an empty whitelist on localhost: any website can make the proxy fetch intranet and
      // loopback URLs from this machine and read them.
      code: `const HOST = 'localhost';
const corsAnywhere = require('cors-anywhere');
corsAnywhere.createServer({ originWhitelist: [] }).listen(8080, HOST);`,
      errors: [{ messageId: 'exposedWildcard', data: { how: 'listens on localhost', routes: THIS_SERVER } }],
    },
    {
      // serveDir's enableCors ('*') on a preview server bound to loopback.
      code: `import { serveDir } from 'jsr:@std/http/file-server';
Deno.serve({ hostname: '127.0.0.1', port: 8000 }, (req) => serveDir(req, { fsRoot: './dist', showDirListing: true, enableCors: true }));`,
      errors: [{ messageId: 'exposedWildcard', data: { how: 'listens on 127.0.0.1', routes: THIS_SERVER } }],
    },
    {
      // The same from deno.land by URL.
      code: `import { serveDir } from 'https://deno.land/std@0.224.0/http/file_server.ts';
Deno.serve({ hostname: 'localhost' }, (req) => serveDir(req, { fsRoot: 'public', enableCors: true }));`,
      errors: [{ messageId: 'exposedWildcard', data: { how: 'listens on localhost', routes: THIS_SERVER } }],
    },
  ],
});

// One defect, one finding: on a local server the reflection, `null` and loose-check rules stay silent (this
// rule carries the finding); on a server with no local evidence they report as before.
describe('one finding per defect between no-exposed-local-server and the origin rules', () => {
  const rules = {
    'no-exposed-local-server': rule,
    'no-origin-reflection': noOriginReflection,
    'no-null-origin': noNullOrigin,
    'no-unsafe-origin-check': noUnsafeOriginCheck,
    'no-wildcard-with-credentials': noWildcardWithCredentials,
  };
  const lint = (code: string): string[] => {
    const linter = new Linter({ configType: 'flat' });
    const config = {
      plugins: { g: { rules } as never },
      rules: Object.fromEntries(Object.keys(rules).map((r) => [`g/${r}`, 'error' as const])),
      languageOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const },
    };
    return linter.verify(code, config, 'server.js').map((m) => `${m.line} ${m.ruleId}`);
  };
  it.each([
    ['reflection', `cors({ origin: true })`, 'no-origin-reflection'],
    ['null', `cors({ origin: ['http://localhost:5173', 'null'] })`, 'no-null-origin'],
    [
      'a loose check',
      `cors({ origin: (origin, cb) => cb(null, origin.endsWith('example.com')), credentials: true })`,
      'no-unsafe-origin-check',
    ],
    ['wildcard with credentials', `cors({ origin: '*', credentials: true })`, 'no-wildcard-with-credentials'],
  ])('%s', (_, options, publicRule) => {
    expect(lint(express(options))).toEqual(['4 g/no-exposed-local-server']);
    expect(lint(express(options, `app.listen(3000);`))).toEqual([`4 g/${publicRule}`]);
  });
});
