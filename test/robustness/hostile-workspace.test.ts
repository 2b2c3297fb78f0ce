/**
 * A workspace an attacker wrote, run through everything that reads it: the real ESLint CLI, the map CLI
 * (JSON, Markdown rendered with markdown-it, HTML opened in Debian's Chromium) and the SARIF formatter.
 * What cannot be committed is made here: FIFOs, a socket, links to `/dev/zero` and out of the project,
 * sparse files of 1.5 GB (a source and a tsconfig.json), a package.json with a byte-order mark, and file
 * names built to break out of a link (`javascript:alert(document.domain)<!--.js`), an HTML tag, a Markdown
 * table row or a Markdown link.
 *
 * Each child process runs under a hang guard (a kill after minutes, never a verdict) and reports its peak
 * memory; the assertions are on verdicts, exit codes and memory, never on time. The times are measured
 * against each project's no-rule floor (ESLint with no rules on the same regular files) and written to
 * test-results/hostile-workspace.json.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import MarkdownIt from 'markdown-it';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapReport } from '../../eslint-plugin/src/map';
import plugin from '../../eslint-plugin/src/index';
import { bin, root as repo, schemaErrors } from '../map/helper';

const require = createRequire(import.meta.url);
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const CHROMIUM = '/usr/bin/chromium';
const posix = process.platform !== 'win32';
const MB = 1024 * 1024;
/** Memory any one run may take, hostile file or not. */
const MEMORY_LIMIT_MB = 500;
/** Vitest's limits for a test that runs children: a hang guard on a loaded machine, not a measurement. */
const SLOW = 300_000;

const REFLECT = `const cors = require('cors');
const express = require('express');
const app = express();
app.use(cors({ origin: true, credentials: true }));
`;
const SAFE = `const cors = require('cors');
const express = require('express');
const app = express();
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
`;
/** Takes its origin option through `#origins`, which only the BOM'd package.json's `imports` resolves. */
const VIA_IMPORTS = `import cors from 'cors';
import express from 'express';
import { allowed } from '#origins';
const app = express();
app.use(cors({ origin: allowed, credentials: true }));
`;
const USES_HOSTILE = `import cors from 'cors';
import express from 'express';
import { a } from './fifo';
import { b } from './zero';
import { c } from './huge';
const app = express();
app.use(cors({ origin: true, credentials: true }));
`;

/** File names that try to become script, markup, a link or table cells wherever they are shown. */
const HOSTILE_NAMES = [
  'javascript:alert(document.domain)<!--.js',
  'x` | `cors` | shop.example.com only | no cookies | | | .js',
  '<img src=x onerror=alert(1)>.js',
  '[click](javascript:alert(1)) @someone.js',
];

/** The regular files every project has, and what the map must say of each. */
const REGULAR: Record<string, string> = {
  'server.js': VIA_IMPORTS,
  'config/origins.js': `export const allowed = true;\n`,
  'src/app.js': REFLECT,
  'src/safe.js': SAFE,
  'src/uses.js': USES_HOSTILE,
};
// server.js reflects only through `#origins`: unsafe only when it resolves beside the BOM'd package.json.
const VERDICTS = ['safe src/safe.js:4', 'unsafe server.js:5', 'unsafe src/app.js:4', 'unsafe src/uses.js:7'];

const made: string[] = [];
const servers: Server[] = [];
let base: string;
let preload: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'cors-guard-hostile-ws-'));
  made.push(base);
  // Every child reports its peak memory (kilobytes) on its last line of standard error.
  preload = join(base, 'max-rss.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => process.stderr.write('\\nmax-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));\n`,
  );
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function sparse(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

type Hostile = 'fifo' | 'zero' | 'leave' | 'huge' | 'socket' | 'tsconfig' | 'names';

/** A project: the regular files, a package.json with a BOM, and the hostile things asked for. */
async function workspace(name: string, hostile: readonly Hostile[]): Promise<string> {
  const dir = join(base, name);
  for (const [file, text] of Object.entries(REGULAR)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  writeFileSync(
    join(dir, 'package.json'),
    `\uFEFF${JSON.stringify({ name: 'hostile', type: 'module', imports: { '#origins': './config/origins.js' } }, null, 2)}\n`,
  );
  for (const h of hostile) {
    if (h === 'fifo') execFileSync('mkfifo', [join(dir, 'src', 'fifo.ts')]);
    if (h === 'zero') symlinkSync('/dev/zero', join(dir, 'src', 'zero.ts'));
    if (h === 'leave') {
      const outside = join(base, `${name}-outside.js`);
      writeFileSync(outside, REFLECT);
      symlinkSync(outside, join(dir, 'src', 'leave.js'));
    }
    if (h === 'huge') sparse(join(dir, 'src', 'huge.js'), 1536 * MB);
    if (h === 'tsconfig') sparse(join(dir, 'tsconfig.json'), 1536 * MB);
    if (h === 'socket') {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((done) => server.listen(join(dir, 'src', 'socket.js'), done));
    }
    if (h === 'names') for (const n of HOSTILE_NAMES) writeFileSync(join(dir, n), REFLECT);
  }
  return dir;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly maxRssMb: number;
}

/** Runs a Node script in a child process (hang guard: killed after 3 minutes). */
function node(args: readonly string[], cwd: string): Promise<Run> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--require', preload, ...args],
      { cwd, timeout: 180_000, killSignal: 'SIGKILL', maxBuffer: 256 * MB },
      (error, stdout, stderr) => {
        const rss = /max-rss-kb (\d+)\s*$/.exec(stderr);
        done({
          code: error ? ((error as { code?: number }).code ?? -1) : 0,
          stdout,
          stderr: stderr.replace(/\nmax-rss-kb \d+\s*$/, ''),
          ms: performance.now() - started,
          maxRssMb: rss ? Number(rss[1]) / 1024 : Number.POSITIVE_INFINITY,
        });
      },
    );
  });
}

const map = (dir: string, args: readonly string[] = []) => node([bin, 'map', '--no-config', ...args], dir);

function verdicts(report: MapReport): string[] {
  return report.policies.map((p) => `${p.verdict} ${p.file}:${p.line}`).sort();
}

describe.runIf(posix)('a hostile workspace', () => {
  const figures: Record<string, unknown>[] = [];
  afterAll(() => {
    if (figures.length === 0) return;
    mkdirSync(join(repo, 'test-results'), { recursive: true });
    writeFileSync(join(repo, 'test-results', 'hostile-workspace.json'), `${JSON.stringify(figures, null, 2)}\n`);
  });

  it(
    'the map: every hostile file at once, listed as not analysed; every other verdict kept',
    async () => {
      const dir = await workspace('all', ['fifo', 'zero', 'leave', 'huge', 'socket', 'tsconfig', 'names']);
      const r = await map(dir, ['--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as MapReport;
      expect(schemaErrors(report)).toEqual([]);
      expect(verdicts(report)).toEqual(
        [...VERDICTS, ...HOSTILE_NAMES.map((n) => `unsafe ${n}:4`)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      expect(report.notAnalysed?.map((n) => `${n.file}: ${n.reason.replace(/ \(to .*\)$/, '')}`)).toEqual([
        'src/fifo.ts: a FIFO (named pipe)',
        'src/huge.js: larger than 8 MB (1.5 GB)',
        'src/leave.js: a link leaving the project',
        'src/socket.js: a socket',
        'src/zero.ts: a link leaving the project',
      ]);
      expect(r.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);
      // Said in the text report too.
      const text = await map(dir);
      expect(text.stdout).toContain('(not analysed) src/fifo.ts: a FIFO (named pipe)');
    },
    SLOW,
  );

  // One hostile file per project, against the floor of the same project without it: the map returns,
  // within memory, with every verdict of the regular files.
  it.each<[Hostile, string | undefined]>([
    ['fifo', 'src/fifo.ts'],
    ['zero', 'src/zero.ts'],
    ['leave', 'src/leave.js'],
    ['huge', 'src/huge.js'],
    ['socket', 'src/socket.js'],
    ['tsconfig', undefined],
  ])(
    'one hostile file (%s): verdicts intact, under 500 MB',
    async (hostile, skipped) => {
      const dir = await workspace(`one-${hostile}`, [hostile]);
      const files = Object.keys(REGULAR);
      const floor = await node([eslintBin, '--no-config-lookup', '--format', 'json', ...files], dir);
      expect(floor.code, floor.stderr).toBe(0);
      const r = await map(dir, ['--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as MapReport;
      expect(verdicts(report)).toEqual(VERDICTS);
      expect(report.notAnalysed?.map((n) => n.file)).toEqual(skipped ? [skipped] : []);
      expect(r.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);
      // The same files linted by the real ESLint CLI with the plugin's recommended preset: the options
      // imported through `#origins` (beside a BOM'd package.json, under whatever tsconfig.json) are found.
      writeFileSync(
        join(dir, 'eslint.config.mjs'),
        `import corsGuard from ${JSON.stringify(pathToFileURL(join(repo, 'eslint-plugin', 'dist', 'index.js')).href)};\nexport default [corsGuard.configs.recommended];\n`,
      );
      const eslint = await node([eslintBin, '--format', 'json', ...files], dir);
      expect(eslint.code, eslint.stderr).toBe(1);
      const findings = (
        JSON.parse(eslint.stdout) as { filePath: string; messages: { line: number; ruleId: string }[] }[]
      )
        .flatMap((f) => f.messages.map((m) => `${f.filePath.slice(dir.length + 1)}:${m.line} ${m.ruleId}`))
        .sort();
      expect(findings).toEqual([
        'server.js:5 cors-guard/no-origin-reflection',
        'src/app.js:4 cors-guard/no-origin-reflection',
        'src/uses.js:7 cors-guard/no-origin-reflection',
      ]);
      expect(eslint.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);
      figures.push({
        hostile,
        floorMs: Math.round(floor.ms),
        mapMs: Math.round(r.ms),
        ratio: Math.round((r.ms / floor.ms) * 100) / 100,
        floorMaxRssMb: Math.round(floor.maxRssMb),
        mapMaxRssMb: Math.round(r.maxRssMb),
        eslintMs: Math.round(eslint.ms),
        eslintRatio: Math.round((eslint.ms / floor.ms) * 100) / 100,
        eslintMaxRssMb: Math.round(eslint.maxRssMb),
      });
    },
    SLOW,
  );
});

/**
 * The extension's side of a scan, in a child process: the built worker's engine (`linter-worker.cjs`, what
 * the editor's worker thread runs) over every file the scan would list, each read as the scan reads it
 * (`readText` bounded to the workspace folder and the size cap).
 */
const WORKER_SCAN = `
const { readdirSync } = require('node:fs');
const { join, relative } = require('node:path');
const { createEngine } = require(process.argv[2]);
const { readText } = require(process.argv[3]);
const root = process.cwd();
const engine = createEngine();
const settings = { preset: 'recommended', rules: {}, trustedOrigins: [] };
const out = { policies: [], skipped: [], findings: [] };
const walk = (dir) => {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) walk(path);
    else if (/\\.(m?[jt]s|[jt]sx)$/.test(d.name)) {
      const text = readText(path, { maxBytes: 1024 * 1024, root });
      const file = relative(root, path);
      if (text === undefined) { out.skipped.push(file); continue; }
      const r = engine.lint({ fileName: path, languageId: /\\.tsx?$/.test(path) ? 'typescript' : 'javascript', text, settings, root, withPolicies: true });
      for (const p of r.policies ?? []) out.policies.push(p.verdict + ' ' + file + ':' + p.line);
      for (const f of r.findings) out.findings.push(file + ':' + f.line + ' ' + f.ruleId);
    }
  }
};
walk(root);
process.stdout.write(JSON.stringify(out));
`;

describe.runIf(posix)("the extension's worker over a hostile workspace", () => {
  it(
    'reads every hostile file as skipped, keeps every other verdict, under 500 MB',
    async () => {
      const dir = await workspace('worker', ['fifo', 'zero', 'leave', 'huge', 'socket', 'tsconfig', 'names']);
      const script = join(base, 'worker-scan.cjs');
      writeFileSync(script, WORKER_SCAN);
      const worker = join(repo, 'extension', 'dist', 'linter-worker.cjs');
      const reader = join(repo, 'eslint-plugin', 'dist', 'analysis', 'read-file.js');
      const r = await node([script, worker, reader], dir);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { policies: string[]; skipped: string[]; findings: string[] };
      expect(out.skipped.sort()).toEqual([
        'src/fifo.ts',
        'src/huge.js',
        'src/leave.js',
        'src/socket.js',
        'src/zero.ts',
      ]);
      expect(out.policies.sort()).toEqual(
        [...VERDICTS, ...HOSTILE_NAMES.map((n) => `unsafe ${n}:4`)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      expect(out.findings.filter((f) => f.startsWith('src/') || f.startsWith('server')).sort()).toEqual([
        'server.js:5 cors-guard/no-origin-reflection',
        'src/app.js:4 cors-guard/no-origin-reflection',
        'src/uses.js:7 cors-guard/no-origin-reflection',
      ]);
      expect(r.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);
    },
    SLOW,
  );
});

describe('a command line that fails loudly', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await workspace('cli', []);
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), '# nothing to map\n');
  }, SLOW);

  it.each([
    [['map', 'some/missing/path'], /no such file or folder: some\/missing\/path/],
    [['map', 'docs'], /no JavaScript or TypeScript file to map in docs/],
    [['map', 'docs/README.md'], /no JavaScript or TypeScript file to map in docs\/README\.md/],
    [['map', '--format', 'html', '--link-base', 'javascript:alert(1)//'], /--link-base must use http, https or file/],
    [['map', '--format', 'html', '--link-base', 'data:text/html,'], /--link-base must use http, https or file/],
    [['map', '--format', 'html', '--link-base', 'src/'], /--link-base must be an absolute URL/],
  ])(
    '%j: exit 2 with a message',
    async (args, message) => {
      const r = await node([bin, ...args], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    },
    SLOW,
  );

  it.each(['https://github.com/o/r/blob/main/', 'file:///srv/checkout/'])(
    '--link-base %s: each link under it, each segment percent-encoded',
    async (base) => {
      const names = await workspace('link-base', ['names']);
      const r = await map(names, ['--format', 'html', '--link-base', base]);
      expect(r.code, r.stderr).toBe(0);
      const hrefs = [...r.stdout.matchAll(/<a class="site" href="([^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href.startsWith(base)).toBe(true);
      expect(hrefs).toContain(`${base}javascript%3Aalert(document.domain)%3C!--.js#L4`);
    },
    SLOW,
  );
});

/** The text of each body cell of each table row, as markdown-it renders it (code spans as their text). */
function markdownRows(markdown: string): string[][] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const rows: string[][] = [];
  let row: string[] | undefined;
  let inBody = false;
  for (const t of tokens) {
    if (t.type === 'tbody_open') inBody = true;
    if (t.type === 'tbody_close') inBody = false;
    if (inBody && t.type === 'tr_open') rows.push((row = []));
    if (inBody && t.type === 'inline' && row)
      row.push(
        (t.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join(''),
      );
  }
  return rows;
}

describe.runIf(posix)('reports that stay inert', () => {
  let dir: string;
  let report: MapReport;
  beforeAll(async () => {
    dir = await workspace('reports', ['names', 'fifo']);
    const r = await map(dir, ['--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    report = JSON.parse(r.stdout) as MapReport;
  }, SLOW);

  it(
    'Markdown (markdown-it): every cell where it belongs, every name as written',
    async () => {
      const r = await map(dir, ['--format', 'md']);
      expect(r.code, r.stderr).toBe(0);
      const rows = markdownRows(r.stdout);
      expect(rows.length).toBe(report.policies.length);
      for (const row of rows) expect(row.length).toBe(7);
      const byWhere = new Map(rows.map((row) => [row[1]!, row]));
      for (const p of report.policies) {
        const row = byWhere.get(`${p.file}:${p.line}`);
        expect(row, `${p.file}:${p.line}`).toBeDefined();
        expect(row).toEqual([
          expect.stringContaining(p.verdict),
          `${p.file}:${p.line}`,
          p.library ?? 'headers',
          p.allows,
          p.credentials ? 'with cookies' : 'no cookies',
          p.witness ?? '',
          p.rule ?? '',
        ]);
      }
      // Even where raw HTML is allowed: no markup from a name, and no link but to an https origin.
      const html = new MarkdownIt({ html: true, linkify: true }).render(r.stdout);
      expect(html).not.toMatch(/<img|<script|<!--/);
      for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
      // The not-analysed list names the FIFO.
      expect(html).toContain('<code>src/fifo.ts</code> a FIFO (named pipe)');
    },
    SLOW,
  );

  it(
    'SARIF (the code-scanning formatter): each file a file: URI that names it exactly',
    async () => {
      writeFileSync(
        join(dir, 'eslint.config.mjs'),
        `import corsGuard from ${JSON.stringify(pathToFileURL(join(repo, 'eslint-plugin', 'dist', 'index.js')).href)};\nexport default [corsGuard.configs.recommended];\n`,
      );
      const formatter = require.resolve('@microsoft/eslint-formatter-sarif');
      const r = await node([eslintBin, '--format', formatter, ...HOSTILE_NAMES], dir);
      expect(r.code, r.stderr).toBe(1);
      const sarif = JSON.parse(r.stdout) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      const uris = sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
      expect(uris.length).toBe(HOSTILE_NAMES.length);
      for (const uri of uris) {
        expect(new URL(uri).protocol).toBe('file:');
        expect(uri).not.toMatch(/[<>`| ]/);
      }
      expect(uris.map((u) => fileURLToPath(u)).sort()).toEqual(HOSTILE_NAMES.map((n) => join(dir, n)).sort());
      rmSync(join(dir, 'eslint.config.mjs'));
    },
    SLOW,
  );

  describe.runIf(existsSync(CHROMIUM))('the HTML map in Chromium', () => {
    let browser: Browser;
    let reportFile: string;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      // Written inside the project, as a CI job would: each link is relative to the report.
      reportFile = join(dir, 'cors-map.html');
      const r = await map(dir, ['--format', 'html', '--out', 'cors-map.html']);
      expect(r.code, r.stderr).toBe(0);
    }, SLOW);
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens the report; records dialogs (dismissed), page errors and whether any script of a link ran. */
    async function open(html?: string) {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const file = html === undefined ? reportFile : join(dir, 'tampered.html');
      if (html !== undefined) writeFileSync(file, html);
      await page.goto(pathToFileURL(file).href);
      return { page, dialogs, errors };
    }

    it(
      'every link is ./-relative or in-page; clicking each runs no script and opens no dialog',
      async () => {
        const { page, dialogs, errors } = await open();
        const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        expect(hrefs.length).toBe(report.policies.length * 3);
        await page.close();
        for (let i = 0; i < hrefs.length; i++) {
          const tab = await open();
          const link = tab.page.locator('a[href]').nth(i);
          await link.click({ modifiers: [] });
          // A link either moves to its row, or opens the file it names; neither runs a script.
          await tab.page.waitForLoadState('load');
          expect(tab.dialogs, hrefs[i]).toEqual([]);
          expect(tab.errors, hrefs[i]).toEqual([]);
          const where = tab.page.url();
          expect(where.startsWith('file:'), where).toBe(true);
          if (!hrefs[i]!.startsWith('#')) {
            // The file the link names, exactly (percent-decoded back to its name).
            const name = fileURLToPath(where.replace(/#L\d+$/, ''));
            expect(report.policies.some((p) => join(dir, p.file) === name)).toBe(true);
          }
          await tab.page.close();
        }
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
        // Each link is ./-relative or in-page (said after the clicks, so a link that runs script fails there).
        for (const href of hrefs) expect(href).toMatch(/^(\.\/|#p\d+$)/);
      },
      SLOW,
    );

    it(
      'a strict Content-Security-Policy: only the page’s own script runs, and it still filters',
      async () => {
        const html = readFileSync(reportFile, 'utf8');
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
        expect(csp).toMatch(/default-src 'none'/);
        expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
        // A script smuggled into the page (as an unescaped name would be) does not run; the page's does.
        const tampered = html.replace(
          '</body>',
          `<script>window.smuggled = 1; alert('smuggled')</script><img src=x onerror="alert('img')"></body>`,
        );
        const { page, dialogs } = await open(tampered);
        expect(await page.evaluate(() => (window as { smuggled?: number }).smuggled)).toBeUndefined();
        expect(dialogs).toEqual([]);
        const rows = page.locator('#policies tbody tr:not(.hidden)');
        expect(await rows.count()).toBe(report.policies.length);
        await page.fill('#filter', 'safe.js');
        expect(await rows.count()).toBe(1);
        expect(await page.locator('#shown').textContent()).toBe('1 shown');
        await page.close();
      },
      SLOW,
    );
  });
});

describe('suggestions bounded by their edit', () => {
  /** One middleware reflecting the Origin at `n` sites (each its own statement in its own block). */
  const handler = (n: number) => {
    const parts = [`const express = require('express');`, `const app = express();`, `app.use((req, res, next) => {`];
    for (let i = 0; i < n; i++)
      parts.push(
        `  if (req.path === '/r${i}') {`,
        `    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);`,
        `  }`,
      );
    parts.push(`  res.setHeader('Access-Control-Allow-Credentials', 'true');`, `  next();`, `});`, '');
    return parts.join('\n');
  };

  it(
    '1,000 sites: each suggestion a few lines, not the handler; the far ones still fix their site',
    () => {
      const text = handler(1000);
      const linter = new Linter();
      const config = [{ ...(plugin.configs.recommended as object), languageOptions: { sourceType: 'commonjs' } }];
      const messages = linter
        .verify(text, config as never, 'server.js')
        .filter((m) => m.ruleId === 'cors-guard/no-origin-reflection');
      expect(messages.length).toBe(1000);
      const suggestions = messages.flatMap((m) => m.suggestions ?? []);
      expect(suggestions.length).toBe(1000);
      const total = suggestions.reduce((n, s) => n + s.fix.text.length, 0);
      const largest = Math.max(...suggestions.map((s) => s.fix.text.length));
      // The handler is 80 KB; before, the suggestions together held 52 MB of it.
      expect(largest).toBeLessThan(3000);
      expect(total).toBeLessThan(1000 * 400);
      // The first and the last suggestion, applied: valid code, and that site no longer reflects.
      for (const m of [messages[0]!, messages.at(-1)!]) {
        const fix = m.suggestions![0]!.fix;
        const fixed = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
        const after = linter.verify(fixed, config as never, 'server.js');
        expect(after.filter((x) => x.fatal)).toEqual([]);
        expect(after.filter((x) => x.ruleId === 'cors-guard/no-origin-reflection' && x.line === m.line)).toEqual([]);
        expect(after.filter((x) => x.ruleId === 'cors-guard/no-origin-reflection').length).toBe(999);
      }
    },
    SLOW,
  );
});
