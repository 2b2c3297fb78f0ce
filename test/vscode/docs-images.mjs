#!/usr/bin/env node
// Copies the README's screenshots from test-results/vscode/ (written by `npm run test:vscode`) to
// docs/images/ as small JPEGs (75% size), using the same Chromium the suite drives (no image tools needed).
import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './code-server.mjs';
import { artifacts, root } from './prepare.mjs';

const SHOTS = [
  'finding-hover',
  'kept-findings',
  'quick-fix-menu',
  'ignore-comment',
  'explain-headers',
  'http-diagnostics',
  'policy-hover',
  'offline-docs',
];
const out = join(root, 'docs', 'images');
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
  for (const name of SHOTS) {
    const png = readFileSync(join(artifacts, `${name}.png`)).toString('base64');
    await page.setContent(
      `<html><body style="margin:0"><img style="width:960px;height:600px;display:block" src="data:image/png;base64,${png}"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const file = join(out, `${name}.jpg`);
    await page.screenshot({ path: file, type: 'jpeg', quality: 72 });
    console.log(`${file}  ${(statSync(file).size / 1024).toFixed(0)} kB`);
  }
} finally {
  await browser.close();
}
