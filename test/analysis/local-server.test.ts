/**
 * Where a server runs (analysis/local-server.ts) as the consumers see it: the hover's explanation, the map
 * entry and Explain Headers say which policies are local, from the same localExposure() the rule reports.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import {
  assessPolicy,
  explainPolicy,
  headerBlockVerdict,
  headerExchangesIn,
  localExposure,
  type FileModel,
} from '../../eslint-plugin/src/analysis';
import { isLoopbackHost } from '../../eslint-plugin/src/analysis/local-server';
import { mapEntryOf } from '../../eslint-plugin/src/map/entries';

function modelOf(code: string): { model: FileModel; ruleIds: string[] } {
  const linter = new Linter();
  const messages = linter.verify(code, [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never], 'server.js');
  const model = plugin.fileModelOf(linter.getSourceCode().ast as never);
  if (!model) throw new Error(`no model: ${JSON.stringify(messages)}`);
  return { model, ruleIds: messages.map((m) => m.ruleId ?? 'fatal') };
}

const server = (options: string, listen: string) => `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors(${options}));
app.post('/tools/run', (req, res) => res.json(runTool(req.body)));
${listen}`;

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['app.localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['localhost.evil.net', false],
    ['127.0.0.1.evil.net', false],
  ])('%s -> %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
});

describe('a policy on a local server', () => {
  it('the recommended preset reports it once, and the hover, the assessment and the map agree', () => {
    const { model, ruleIds } = modelOf(server('', `app.listen(3000, '127.0.0.1');`));
    expect(ruleIds).toEqual(['cors-guard/no-exposed-local-server']);
    const policy = model.policies[0]!;
    expect(policy.server?.how).toBe('listens on 127.0.0.1');
    expect(localExposure(policy)?.kind).toBe('wildcard');
    expect(assessPolicy(policy)).toMatchObject({ level: 'unsafe', reason: 'local' });
    const explained = explainPolicy(policy);
    expect(explained.verdict).toBe(
      'Unsafe on this machine: this server listens on 127.0.0.1, and any website you visit (e.g. `https://evil.example`) can call POST /tools/run and read the answer.',
    );
    expect(explained.local).toMatch(/^This server runs on the user's machine: it listens on 127\.0\.0\.1\. Chrome/);
    const entry = mapEntryOf(policy, model.trustedOrigins, 'server.js');
    expect(entry).toMatchObject({
      verdict: 'unsafe',
      reason: 'local',
      local: 'listens on 127.0.0.1',
      rule: 'cors-guard/no-exposed-local-server',
    });
  });

  it('the tool UI origin on a local server is safe, and still said to be local', () => {
    const { model, ruleIds } = modelOf(server(`{ origin: 'http://localhost:5173' }`, `app.listen(3000, 'localhost');`));
    expect(ruleIds).toEqual([]);
    const policy = model.policies[0]!;
    expect(assessPolicy(policy).level).toBe('safe');
    expect(explainPolicy(policy).local).toMatch(/listens on localhost/);
    expect(mapEntryOf(policy, model.trustedOrigins, 'server.js').local).toBe('listens on localhost');
  });

  it('a public API with `*` stays public, with no local note', () => {
    const { model, ruleIds } = modelOf(server('', `app.listen(process.env.PORT || 3000);`));
    expect(ruleIds).toEqual([]);
    const policy = model.policies[0]!;
    expect(policy.server).toBeUndefined();
    expect(assessPolicy(policy)).toMatchObject({ level: 'safe', reason: 'public' });
    expect(explainPolicy(policy).local).toBeUndefined();
    expect(mapEntryOf(policy, model.trustedOrigins, 'server.js')).not.toHaveProperty('local');
  });

  it('a gate keeps the server local but clean, and the hover names it', () => {
    const { model, ruleIds } = modelOf(`import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors());
app.use((req, res, next) => {
  if (req.get('x-tool-token') !== TOKEN) return res.sendStatus(401);
  next();
});
app.listen(3000, '::1');`);
    expect(ruleIds).toEqual([]);
    expect(model.policies[0]!.server?.gate?.what).toBe('a token check');
    expect(explainPolicy(model.policies[0]!).local).toMatch(/and a token check turns other callers away/);
  });

  it('a substring check of the Origin in a 403 gate is no gate', () => {
    const { ruleIds } = modelOf(`import express from 'express';
import cors from 'cors';
const app = express();
app.use((req, res, next) => {
  if (!req.headers.origin.includes('localhost')) return res.status(403).end();
  next();
});
app.use(cors());
app.listen(3000, '127.0.0.1');`);
    expect(ruleIds).toEqual(['cors-guard/no-exposed-local-server']);
  });
});

describe('Explain Headers on a response from this machine', () => {
  const exchange = (url: string, acao: string) =>
    [
      `GET ${url} HTTP/1.1`,
      'Origin: https://evil.example',
      '',
      'HTTP/1.1 200 OK',
      `Access-Control-Allow-Origin: ${acao}`,
    ].join('\n');

  it('`*` from localhost is a local exposure; from a public host it is public', () => {
    const local = headerBlockVerdict(headerExchangesIn(exchange('http://localhost:3000/tools', '*'))[0]!);
    expect(local).toMatchObject({ kind: 'local-exposure', severity: 'error' });
    expect(local.title).toBe(
      'Local server: any website you visit can call localhost and read this response (Access-Control-Allow-Origin: *).',
    );
    const remote = headerBlockVerdict(headerExchangesIn(exchange('https://api.example.com/prices', '*'))[0]!);
    expect(remote.kind).toBe('public');
  });

  it('an echoed Origin from 127.0.0.1 (or a Host header of ::1) is a local exposure without cookies too', () => {
    expect(
      headerBlockVerdict(headerExchangesIn(exchange('http://127.0.0.1:8080/files', 'https://evil.example'))[0]!).kind,
    ).toBe('local-exposure');
    const byHost = [
      'POST /mcp HTTP/1.1',
      'Host: [::1]:3000',
      'Origin: https://evil.example',
      '',
      'HTTP/1.1 200 OK',
      'Access-Control-Allow-Origin: *',
    ].join('\n');
    expect(headerBlockVerdict(headerExchangesIn(byHost)[0]!).kind).toBe('local-exposure');
  });

  it('a fixed UI origin from localhost is not', () => {
    const v = headerBlockVerdict(headerExchangesIn(exchange('http://localhost:3000/', 'http://localhost:5173'))[0]!);
    expect(v.kind).toBe('single-origin');
  });
});

describe("local tools' own CORS settings (sites/libraries/local.ts)", () => {
  it('cors-anywhere sends `*` whatever its options; a non-empty originWhitelist is the gate, said in the hover', () => {
    const open = modelOf(`const corsAnywhere = require('cors-anywhere');
corsAnywhere.createServer({ originWhitelist: [] }).listen(8080, 'localhost');`);
    expect(open.ruleIds).toEqual(['cors-guard/no-exposed-local-server']);
    expect(open.model.policies[0]!.library?.id).toBe('cors-anywhere');
    expect(open.model.policies[0]!.server?.gate).toBeUndefined();
    const gated = modelOf(`const corsAnywhere = require('cors-anywhere');
corsAnywhere.createServer({ originWhitelist: ['http://localhost:3000', 'null'] }).listen(8080, 'localhost');`);
    // `null` in the list admits a sandboxed iframe: no gate.
    expect(gated.ruleIds).toEqual(['cors-guard/no-exposed-local-server']);
    const exact = modelOf(`const corsAnywhere = require('cors-anywhere');
corsAnywhere.createServer({ originWhitelist: ['http://localhost:3000'] }).listen(8080, 'localhost');`);
    expect(exact.ruleIds).toEqual([]);
    const policy = exact.model.policies[0]!;
    expect(policy.server?.gate?.what).toBe("cors-anywhere's `originWhitelist` (other origins get 403)");
    expect(explainPolicy(policy).local).toMatch(/originWhitelist/);
  });

  it("mcp-framework's HTTP transports send its default headers; stdio has no policy; allowedOrigins gates", () => {
    const byDefault = modelOf(`import { MCPServer } from 'mcp-framework';
new MCPServer({ transport: { type: 'http-stream', options: { port: 8080 } } }).start();`);
    expect(byDefault.ruleIds).toEqual(['cors-guard/no-exposed-local-server']);
    const policy = byDefault.model.policies[0]!;
    expect(policy.library?.id).toBe('mcp-framework');
    expect(policy.otherHeaders).toContainEqual({ name: 'Access-Control-Max-Age', value: '86400', when: 'preflight' });
    const gated = modelOf(`import { MCPServer } from 'mcp-framework';
new MCPServer({
  transport: { type: 'http-stream', options: { cors: { allowOrigin: '*', allowedOrigins: ['http://localhost:6274'] } } },
}).start();`);
    expect(gated.ruleIds).toEqual([]);
    expect(gated.model.policies[0]!.server?.gate?.what).toBe(
      "mcp-framework's `allowedOrigins` (other origins get 403)",
    );
    const linter = new Linter();
    const messages = linter.verify(
      `import { MCPServer } from 'mcp-framework';\nnew MCPServer({ transport: { type: 'stdio' } }).start();`,
      [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never],
      'server.js',
    );
    expect(messages).toEqual([]);
    expect(plugin.fileModelOf(linter.getSourceCode().ast as never)?.policies ?? []).toEqual([]);
  });

  it("vite: `cors: true` is `*`; an options object without `origin` keeps vite's localhost-only default (no policy)", () => {
    const config = (server: string) =>
      `import { defineConfig } from 'vite';\nexport default defineConfig({ server: ${server} });`;
    const on = modelOf(config(`{ cors: true }`));
    expect(on.ruleIds).toEqual(['cors-guard/no-exposed-local-server']);
    expect(on.model.policies[0]!.server?.how).toBe("is vite's dev server (`server` in its config)");
    const linter = new Linter();
    linter.verify(config(`{ cors: { credentials: true } }`), [
      { ...plugin.configs.recommended, files: ['**/*.js'] } as never,
    ]);
    expect(plugin.fileModelOf(linter.getSourceCode().ast as never)?.policies ?? []).toEqual([]);
  });
});

describe('a server that drives hardware plugged into its machine (a print bridge)', () => {
  const bridge = (requires: string, listen: string) => `const express = require('express');
const cors = require('cors');
${requires}
const app = express();
app.use(cors());
app.post('/print', (req, res) => { print(req.body); res.sendStatus(200); });
${listen}`;

  it('a USB printer driven in the same file: local, and any website you visit can print', () => {
    const { model, ruleIds } = modelOf(bridge("const USB = require('escpos-usb');", 'app.listen(4000);'));
    expect(ruleIds).toEqual(['cors-guard/no-exposed-local-server']);
    expect(model.policies[0]!.server?.how).toBe('drives hardware attached to the machine it runs on (`escpos-usb`)');
    expect(explainPolicy(model.policies[0]!).verdict).toContain('POST /print');
  });

  it('the same server bound to every interface, without hardware, or never started: public `*`, not reported', () => {
    for (const code of [
      bridge("const USB = require('escpos-usb');", "app.listen(4000, '0.0.0.0');"),
      bridge("const db = require('pg');", 'app.listen(4000);'),
      bridge("const USB = require('escpos-usb');", 'module.exports = app;'),
    ]) {
      const { model, ruleIds } = modelOf(code);
      expect(ruleIds).toEqual([]);
      expect(model.policies[0]!.server).toBeUndefined();
    }
  });

  it('a printer driven from a module the server imports (one hop, read from disk); a plain helper is not', () => {
    const root = mkdtempSync(join(tmpdir(), 'cors-guard-bridge-'));
    try {
      writeFileSync(
        join(root, 'printer.js'),
        "const { ThermalPrinter } = require('node-thermal-printer');\nmodule.exports = { print: (o) => new ThermalPrinter({}).println(o) };\n",
      );
      writeFileSync(join(root, 'format.js'), 'module.exports = { print: (o) => String(o) };\n');
      const lint = (helper: string) => {
        const linter = new Linter({ cwd: root });
        const file = join(root, 'server.js');
        const messages = linter.verify(
          bridge(`const { print } = require('./${helper}');`, 'app.listen(3000);'),
          [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never],
          file,
        );
        return messages.map((m) => `${m.ruleId}: ${m.message}`);
      };
      expect(lint('printer.js')).toEqual([
        expect.stringContaining(
          'no-exposed-local-server: This server drives hardware attached to the machine it runs on (`node-thermal-printer`)',
        ),
      ]);
      expect(lint('format.js')).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
