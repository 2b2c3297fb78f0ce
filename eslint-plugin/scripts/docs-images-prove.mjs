// The README's pictures of `cors-guard map --diff` (its Markdown as a pull-request comment renders it)
// and `cors-guard test` (the terminal: the test written, then failing on the vulnerable code), rendered in
// Debian's Chromium with playwright-core. Usage: node eslint-plugin/scripts/docs-images-prove.mjs
// (after `npm run build`); writes docs/images/cors-diff.png and docs/images/regression-test.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'eslint-plugin', 'bin', 'cors-guard.js');
// markdown-it comes with @vscode/vsce (a devDependency): the renderer VS Code's Markdown preview uses.
const MarkdownIt = createRequire(join(root, 'node_modules', '@vscode', 'vsce', 'package.json'))('markdown-it');

function run(cwd, args) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

// A small history: the base, then one change that weakens a regex, adds credentials and fixes a reflection.
const dir = mkdtempSync(join(tmpdir(), 'cors-guard-diff-image-'));
const git = (...args) =>
  execFileSync('git', args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'd',
      GIT_AUTHOR_EMAIL: 'd@d',
      GIT_COMMITTER_NAME: 'd',
      GIT_COMMITTER_EMAIL: 'd@d',
    },
  });
const write = (file, text) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};
git('init', '-q', '-b', 'main');
write('.gitignore', 'node_modules\n');
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
const api = (re) => `import cors from 'cors';\nexport const api = cors({ origin: ${re}, credentials: true });\n`;
const partners = (creds) =>
  `import cors from 'cors';\nexport const partners = cors({ origin: ['https://partner.example.com']${creds ? ', credentials: true' : ''} });\n`;
write('src/api.js', api('/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/'));
write('src/partners.js', partners(false));
write(
  'src/legacy.js',
  "export function legacy(req, res) {\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n}\n",
);
git('add', '-A');
git('commit', '-q', '-m', 'base');
write('src/api.js', api('/^https:\\/\\/([a-z0-9-]+.)*example\\.com$/'));
write('src/partners.js', partners(true));
write(
  'src/legacy.js',
  "const ALLOWED = new Set(['https://app.example.com']);\nexport function legacy(req, res) {\n  if (ALLOWED.has(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  res.setHeader('Vary', 'Origin');\n}\n",
);
const diff = run(dir, [bin, 'map', '--no-config', '--diff', 'main', '--format', 'md']);
if (diff.code !== 1) throw new Error(`expected exit 1 from the diff, got ${diff.code}: ${diff.out}`);

const md = new MarkdownIt({ html: true });
const comment = `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.box { margin: 12px; border: 1px solid #d1d9e0; border-radius: 6px; }
.head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; }
.body { padding: 4px 16px 8px; }
h2 { font-size: 1.3em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 6px 10px; vertical-align: top; }
th { background: #f6f8fa; } code { background: #eff1f3; border-radius: 4px; padding: .1em .35em; font-size: 85%; }
</style><div class="box"><div class="head"><b>github-actions</b> commented</div><div class="body">${md.render(diff.out)}</div></div>`;

// The regression test: written for the Express fixture, then run on the vulnerable code.
const project = join(mkdtempSync(join(tmpdir(), 'cors-guard-test-image-')), 'shop');
cpSync(join(root, 'test', 'fixtures', 'prove', 'express-cors'), project, { recursive: true });
symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
const wrote = run(project, [bin, 'test', 'app.js:7', '--no-config', '--trusted', 'https://app.example.com']);
const failing = run(project, ['--test', '--test-reporter=spec', 'app.cors.test.js']);
const failLines = failing.out
  .split('\n')
  .filter((l) => /^\s*(✔|✖|▶)|AssertionError|^ℹ (tests|pass|fail)/.test(l) && !/failing tests/.test(l))
  .slice(0, 9);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const terminal = `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #1e1e1e; } pre { margin: 0; padding: 14px 18px; color: #d4d4d4; font: 13px/1.45 "DejaVu Sans Mono", monospace; white-space: pre-wrap; }
.p { color: #6a9955; } .bad { color: #f48771; } .ok { color: #89d185; }
</style><pre><span class="p">$</span> npx cors-guard test app.js:7 --trusted https://app.example.com
${esc(wrote.out.trimEnd())}
<span class="p">$</span> node --test app.cors.test.js
${failLines.map((l) => `<span class="${/✖|Error/.test(l) ? 'bad' : /✔/.test(l) ? 'ok' : ''}">${esc(l)}</span>`).join('\n')}
</pre>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
try {
  const images = join(root, 'docs', 'images');
  for (const [html, name, width] of [
    [comment, 'cors-diff.png', 1040],
    [terminal, 'regression-test.png', 900],
  ]) {
    const page = await browser.newPage({ viewport: { width, height: 200 }, deviceScaleFactor: 1 });
    await page.setContent(html);
    await page.screenshot({ path: join(images, name), fullPage: true });
    await page.close();
    console.log(`wrote docs/images/${name}`);
  }
} finally {
  await browser.close();
}
