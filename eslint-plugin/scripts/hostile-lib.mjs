// Hostile and huge inputs, generated (never committed): regex bombs, files with tens of thousands of CORS
// sites, import graphs that are long, cyclic, wide or huge, and special files. Shared by the robustness
// suite (test/robustness/) and the benchmark (bench-hostile.mjs), so the cases timed are the cases tested.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Regex bombs by family: each is an origin check guarding reflection, so the rules owe a finding (the
 * check could not be analysed, or what it lets in). `tag` varies the pattern so each use is a cold one.
 */
export function regexBombs(tag = '') {
  const t = tag ? `${tag}-` : '';
  return [
    { family: 'alternation duplicates', pattern: String.raw`^https:\/\/${t}(?:a|a){34}(?=z)evil\.com$` },
    { family: 'nested quantifiers', pattern: String.raw`^https:\/\/${t}(a+)+$` },
    { family: 'star of stars', pattern: String.raw`^https:\/\/${t}(?:(?:a*)*b)*\.example\.com$` },
    {
      family: 'lookaheads',
      pattern: String.raw`^(?=.*a.*a.*a.*a.*a.*a.*a.*a.*$)(?!.*evil)https:\/\/${t}[a-z]+\.example\.com$`,
    },
    { family: 'counted repetition', pattern: String.raw`^https:\/\/${t}(?:[a-z0-9]{1,3}\.){1000}example\.com$` },
    { family: 'large counted character run', pattern: String.raw`^https:\/\/${t}[a-z]{20000}\.example\.com$` },
    { family: 'huge character class', pattern: `^https:\\/\\/${t}[${hugeClass()}]+\\.example\\.com$`, flags: 'u' },
    {
      family: 'unicode sets',
      pattern: String.raw`^https:\/\/${t}[[\p{L}--\p{Ll}]&&\p{ASCII}]+(?:[\p{L}\p{N}]+)*\.example\.com$`,
      flags: 'v',
    },
    { family: 'backreferences', pattern: String.raw`^https:\/\/${t}(a+)\1*(?:\1\1)+\.example\.com$` },
  ];
}

function hugeClass() {
  let s = '';
  for (let c = 0x4e00; c < 0x4e00 + 12000; c += 2) s += String.fromCodePoint(c);
  return s;
}

/** A small express app whose reflection is guarded by `pattern`. */
export function regexBombFile({ pattern, flags = '' }) {
  return `import express from 'express';
const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && /${pattern}/${flags}.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});
app.listen(3000);
`;
}

/** One handler with `n` CORS header setters (the generated 3.2 MB file at n = 50,000). */
export function manySettersFile(n = 50_000) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0:
        lines.push(`  if (p === '/r${i}') res.setHeader('Access-Control-Allow-Origin', 'https://a${i}.example.com');`);
        break;
      case 1:
        lines.push(`  if (p === '/r${i}') res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT');`);
        break;
      case 2:
        lines.push(`  if (p === '/r${i}') res.setHeader('Access-Control-Allow-Headers', 'X-Request-${i}');`);
        break;
      default:
        lines.push(`  if (p === '/r${i}') res.setHeader('Access-Control-Max-Age', '${i % 86400}');`);
    }
  }
  // One reflection (with cookies) at the very end: a finding is due, however many sites come before it.
  lines.push(
    `  res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.setHeader('Access-Control-Allow-Credentials', 'true');`,
  );
  return `export function handler(req, res) {\n  const p = req.url;\n${lines.join('\n')}\n}\n`;
}

/** `n` handlers, each setting its own CORS headers (the generated 1.5 MB file at n = 10,000). */
export function manyHandlersFile(n = 10_000) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(`app.get('/h${i}', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app${i}.example.com');
  res.json({ i: ${i} });
});`);
  }
  out.push(
    `app.get('/bad', (req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); res.end(); });`,
  );
  return `const app = require('express')();\n${out.join('\n')}\n`;
}

function write(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
}

/** Ordinary route code (nothing CORS in it): what a server file holds besides its CORS setup. */
const ROUTES = Array.from(
  { length: 40 },
  (_, i) => `app.get('/api/items/${i}/:id', async (req, res, next) => {
  try {
    const item = await db.items.find({ id: req.params.id, kind: ${i} });
    if (!item) return res.status(404).json({ error: 'not found' });
    res.json({ ...item, links: { self: \`/api/items/${i}/\${item.id}\` } });
  } catch (error) {
    next(error);
  }
});`,
).join('\n');

/**
 * A server file (about 400 lines of ordinary routes) whose CORS options come from `from`: a finding
 * there is reported here, at `cors(settings)` on line 5.
 */
export const SERVER = (from) => `import cors from 'cors';
import express from 'express';
import { settings } from '${from}';
const app = express();
app.use(cors(settings));
const db = globalThis.db;
${ROUTES}
app.listen(3000);
`;
export const REFLECTING_OPTIONS = `export const settings = { origin: true };\n`;
export const SAFE_OPTIONS = `export const settings = { origin: ['https://app.example.com'] };\n`;

/** Filler of about `bytes` bytes: ordinary, readable code (no long lines), nothing CORS in it. */
export function filler(bytes, seed = 0) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = `export function helper${seed}_${i}(a, b) {\n  const t = a * ${i} + b;\n  return t > ${i} ? [t, a, 'v${i}'] : { t, b };\n}\n`;
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}

/**
 * About `bytes` bytes of near misses for the text screen (analysis/screen.ts): each line starts one of its
 * alternatives (`.use(`, `register(`, `allow`, a quoted library name, `vary`) and fails it, so the screen
 * tries every one at every line and finds nothing. With `reflectAtEnd`, the last line reflects the origin.
 */
export function screenNearMissFile(bytes, reflectAtEnd = false) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = [
      `app.use(logger${i});`,
      `router.use('/r${i}', handlers.list${i});`,
      `fastify.register(routes${i});`,
      `const allowance${i} = variance${i} + 1;`,
      `import x${i} from 'hono-like-${i}';`,
      `const s${i} = 'h3-${i}/x' + "socket.iox";`,
    ][i % 6];
    lines.push(line);
    size += line.length + 1;
  }
  if (reflectAtEnd)
    lines.push(
      "export const h = (req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); };",
    );
  return `${lines.join('\n')}\n`;
}

/**
 * Projects under `dir`, each with `server.js` importing its CORS options through a different hostile
 * graph. `due` says whether the options (`origin: true`) must be found within the budgets.
 */
export function writeImportProjects(dir, { chain = 2000, huge = 5_000_000, minified = 10_000_000 } = {}) {
  const projects = [];
  const add = (name, files, due, linted = 'server.js') => {
    const root = join(dir, name);
    write(root, { 'package.json': '{"name":"x","type":"module"}\n', ...files });
    projects.push({ name, root, file: join(root, linted), due });
  };
  // The options object one hop away, in a module with 5 MB of other code after it: over the per-module
  // byte budget, so not parsed; nothing is found and nothing hangs.
  add('huge-import', { 'server.js': SERVER('./options.js'), 'options.js': REFLECTING_OPTIONS + filler(huge) }, false);
  // Options beside twenty 500 KB modules the server also imports: the options are found, the rest costs
  // at most their bytes' budget.
  const wide = { 'options.js': REFLECTING_OPTIONS };
  let imports = '';
  for (let i = 0; i < 20; i++) {
    wide[`gen/g${i}.js`] = filler(500_000, i);
    imports += `import * as g${i} from './gen/g${i}.js';\n`;
  }
  wide['server.js'] =
    imports + SERVER('./options.js') + `console.log(${Array.from({ length: 20 }, (_, i) => `g${i}`).join(', ')});\n`;
  add('wide-imports', wide, true);
  // The imported-options case the benchmark holds to 2x: the options in a normal module, one hop away.
  add('imported-options', { 'server.js': SERVER('./config/cors.js'), 'config/cors.js': REFLECTING_OPTIONS }, true);
  // A chain of `chain` re-exporting modules: past the hop budget, unknown, silent.
  const long = { 'server.js': SERVER('./m0.js') };
  for (let i = 0; i < chain; i++) long[`m${i}.js`] = `export { settings } from './m${i + 1}.js';\n`;
  long[`m${chain}.js`] = REFLECTING_OPTIONS;
  add('import-chain', long, false);
  // A short chain within the hop budget: found.
  const short = { 'server.js': SERVER('./m0.js') };
  for (let i = 0; i < 3; i++) short[`m${i}.js`] = `export { settings } from './m${i + 1}.js';\n`;
  short['m3.js'] = REFLECTING_OPTIONS;
  add('short-chain', short, true);
  // A cycle of modules re-exporting each other (the options are nowhere): silent, returns.
  const cycle = { 'server.js': SERVER('./c0.js') };
  for (let i = 0; i < 50; i++)
    cycle[`c${i}.js`] = `export * from './c${(i + 1) % 50}.js';\nexport const v${i} = ${i};\n`;
  add('cycle', cycle, false);
  // A barrel of a thousand `export *`, the options in the last one: found or unknown, never a hang; the
  // safe variant must stay silent.
  const barrel = { 'server.js': SERVER('./index.js') };
  let index = '';
  for (let i = 0; i < 1000; i++) {
    index += `export * from './b/m${i}.js';\n`;
    barrel[`b/m${i}.js`] = `export const value${i} = ${i};\n`;
  }
  barrel['index.js'] = index + `export { settings } from './options.js';\n`;
  barrel['options.js'] = REFLECTING_OPTIONS;
  add('barrel', barrel, true);
  add('safe-barrel', { ...barrel, 'options.js': SAFE_OPTIONS }, false);
  // A 10 MB minified bundle as the module the options come from: skipped (minified), silent.
  const unit = 'function a(e,t){return e+t};';
  add(
    'minified-bundle',
    {
      'server.js': SERVER('./bundle.js'),
      'bundle.js': `export const settings={origin:!0};${unit.repeat(Math.ceil(minified / unit.length))}\n`,
    },
    false,
  );
  return projects;
}
