// The robustness sweep, as functions shared by `npm run sweep` (full) and the test suite (a bounded slice):
// lint real JavaScript from node_modules with the strict preset, fuzz the regex analysis, and lint
// pathological inputs. Nothing here may throw out of a rule; every reported witness must be real.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';

const pluginDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const rootDir = dirname(pluginDir);
const require = createRequire(import.meta.url);
const plugin = require(join(pluginDir, 'dist', 'index.js'));
const { analyzeOriginPattern } = require(join(pluginDir, 'dist', 'analysis', 'checks', 'witness.js'));

/** Files over this size are skipped (and counted): bundles this big are not server code people lint. */
export const MAX_FILE_BYTES = 1_000_000;

/** Every .js/.cjs/.mjs file under node_modules, sorted so slices are reproducible. */
export function listFiles(limit = Infinity) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limit) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(c|m)?js$/.test(e.name)) out.push(p);
    }
  };
  walk(join(rootDir, 'node_modules'));
  return out;
}

function configFor(sourceType) {
  return [
    {
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      languageOptions: { sourceType, ecmaVersion: 'latest' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { 'cors-guard': plugin },
      rules: plugin.configs.strict.rules,
    },
  ];
}
const CONFIGS = { module: configFor('module'), commonjs: configFor('commonjs'), script: configFor('script') };

/** Lints one source text with the strict preset, trying module then CommonJS then script. */
export function lintSource(linter, text, name) {
  let messages = [];
  for (const kind of name.endsWith('.cjs') ? ['commonjs'] : ['module', 'commonjs', 'script']) {
    messages = linter.verify(text, CONFIGS[kind], name);
    if (!messages.some((m) => m.fatal)) return { messages, parsed: true };
  }
  return { messages, parsed: false };
}

/** Lints real files; returns counts, exceptions, the slowest file and every finding. */
export function sweepFiles(files) {
  const linter = new Linter();
  const result = {
    files: 0,
    skipped: 0,
    parseErrors: 0,
    exceptions: [],
    findings: [],
    slowest: { file: '', ms: 0 },
    totalMs: 0,
  };
  for (const file of files) {
    let text;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) {
        result.skipped++;
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch {
      result.skipped++;
      continue;
    }
    result.files++;
    const name = `sweep/${relative(rootDir, file).replace(/[\\/]/g, '__')}`;
    const t = performance.now();
    try {
      const { messages, parsed } = lintSource(linter, text, name);
      if (!parsed) result.parseErrors++;
      for (const m of messages) {
        if (m.ruleId?.startsWith('cors-guard/')) {
          result.findings.push({ file: relative(rootDir, file), line: m.line, ruleId: m.ruleId, message: m.message });
        }
      }
    } catch (error) {
      result.exceptions.push({
        file: relative(rootDir, file),
        error: String(error?.stack ?? error)
          .split('\n')
          .slice(0, 6)
          .join('\n'),
      });
    }
    const ms = performance.now() - t;
    result.totalMs += ms;
    if (ms > result.slowest.ms) result.slowest = { file: relative(rootDir, file), ms };
  }
  return result;
}

/** Findings not yet reviewed in test/sweep-verdicts.json. */
export function unreviewedFindings(findings) {
  const verdicts = JSON.parse(readFileSync(join(rootDir, 'test', 'sweep-verdicts.json'), 'utf8')).verdicts;
  const reviewed = new Set(verdicts.map((v) => v.finding));
  return findings.filter((f) => !reviewed.has(`${f.file}:${f.line} ${f.ruleId}`));
}

/** A small deterministic PRNG. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ATOMS = [
  'https?:\\/\\/',
  'https:\\/\\/',
  '^',
  '$',
  '.',
  '\\.',
  '.*',
  '.+',
  '[a-z]+',
  '[a-z0-9-]+',
  '[^.]+',
  '\\w+',
  '\\d+',
  '(:\\d+)?',
  'example',
  'mydomain',
  'com',
  'io',
  '(www|api)',
  '([a-z0-9-]+\\.)*',
  '|',
  '(?!evil)',
  '\\b',
  '(?:a|b)',
  'x{2,5}',
  '[.]',
  'null',
  '(',
  ')',
  '*',
  '?',
  '\\',
  '[',
  ']',
  '{1,3}',
  '\\1',
  '(?<n>a)\\k<n>',
];

/** Random and mutated origin-ish patterns; many are invalid on purpose. */
export function fuzzPatterns(count, seed = 1) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(r() * 9);
    let p = '';
    for (let k = 0; k < n; k++) p += pick(ATOMS);
    if (r() < 0.3) p = `^https:\\/\\/${p}\\.example\\.com$`;
    if (r() < 0.2 && p.length > 2) {
      const at = Math.floor(r() * p.length);
      p = p.slice(0, at) + pick(ATOMS) + p.slice(at + 1);
    }
    out.push({ pattern: p, flags: pick(['', '', 'i', 'u', 'v', 'm', 's']) });
  }
  return out;
}

/** Runs the regex analysis over fuzzed patterns: no exception, every witness accepted by RegExp. */
export function fuzzAnalysis(count, seed = 1) {
  const result = {
    cases: 0,
    invalid: 0,
    unsafe: 0,
    safe: 0,
    inconclusive: 0,
    exceptions: [],
    falseWitnesses: [],
    slowest: { pattern: '', ms: 0 },
  };
  for (const { pattern, flags } of fuzzPatterns(count, seed)) {
    result.cases++;
    let re;
    try {
      re = new RegExp(pattern, flags);
    } catch {
      result.invalid++;
    }
    const t = performance.now();
    let verdict;
    try {
      verdict = analyzeOriginPattern({ pattern, flags });
    } catch (error) {
      result.exceptions.push({ pattern, flags, error: String(error) });
      continue;
    }
    const ms = performance.now() - t;
    if (ms > result.slowest.ms) result.slowest = { pattern: `/${pattern}/${flags}`, ms };
    result[verdict.kind]++;
    if (verdict.kind === 'unsafe') {
      for (const f of verdict.findings)
        if (!re || !re.test(f.witness)) result.falseWitnesses.push({ pattern, flags, witness: f.witness });
    }
  }
  return result;
}

/** Pathological inputs, generated: each must lint in bounded time without an exception. */
export function pathologicalInputs(scale = 1) {
  const unit =
    'function a(e,t){var n=e.headers.origin;t.setHeader("Access-Control-Allow-Origin",n);return/^https:\\/\\/x.example.com/.test(n)}';
  const minified = Array.from({ length: Math.ceil((5_000_000 * scale) / unit.length) }, (_, i) =>
    unit.replace('function a', `function a${i}`),
  ).join(';');
  const depth = Math.ceil(10_000 * scale);
  const nested = `const v = ${'['.repeat(depth)}1${']'.repeat(depth)};`;
  const longLine = `const s = '${'x'.repeat(Math.ceil(1_000_000 * scale))}';`;
  const regexes = Array.from(
    { length: Math.ceil(2_000 * scale) },
    (_, i) =>
      `if (/^https:\\/\\/a${i}.example.com/.test(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);`,
  );
  const manyRegexes = `app.use((req, res) => {\n${regexes.join('\n')}\n});`;
  return [
    { name: `${(minified.length / 1e6).toFixed(1)} MB minified bundle`, text: minified },
    { name: `${depth}-deep nesting`, text: nested },
    { name: `${(longLine.length / 1e6).toFixed(1)} MB single line`, text: longLine },
    { name: `${regexes.length} origin regexes in one file`, text: manyRegexes },
  ];
}

export function lintPathological(scale = 1) {
  const linter = new Linter();
  return pathologicalInputs(scale).map(({ name, text }) => {
    const t = performance.now();
    try {
      const { messages, parsed } = lintSource(linter, text, 'pathological.js');
      return {
        name,
        ms: performance.now() - t,
        parsed,
        findings: messages.filter((m) => m.ruleId?.startsWith('cors-guard/')).length,
      };
    } catch (error) {
      return { name, ms: performance.now() - t, error: String(error).slice(0, 300) };
    }
  });
}
