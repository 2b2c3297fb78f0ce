/**
 * The HTML map rendered in Chromium (Debian's, driven by playwright-core, as the VS Code suite does): its
 * rows, the matrix of simulated responses, filtering and sorting, links to `file:line`, and no request
 * beyond the page itself. Leaves screenshots in test-results/map/.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, root } from './helper';

const CHROMIUM = '/usr/bin/chromium';
const artifacts = join(root, 'test-results', 'map');

describe.runIf(process.platform === 'linux' && existsSync(CHROMIUM))('the HTML map in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function render(cwd: string, args: string[], name: string) {
    const out = join(mkdtempSync(join(tmpdir(), 'cors-guard-html-')), `${name}.html`);
    const r = await cli(['map', '--format', 'html', '--out', out, ...args], cwd);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const url = pathToFileURL(out).href;
    await page.goto(url);
    return { page, requests, errors, url };
  }

  it('the examples: a row per policy, the matrix, filter and sort, nothing from the network', async () => {
    const { page, requests, errors, url } = await render(root, ['eslint-plugin/examples', '--no-config'], 'examples');
    expect(errors).toEqual([]);
    const rows = page.locator('#policies tbody tr');
    expect(await rows.count()).toBe(13);
    expect(await page.locator('#summary').textContent()).toBe(
      '13 CORS policies in 3 of 3 files: 11 unsafe, 1 broken, 1 safe',
    );
    // Worst first, each row linking to its site.
    expect(await rows.first().locator('.verdict').textContent()).toBe('unsafe');
    const link = rows.first().locator('a.site');
    expect(await link.textContent()).toBe('eslint-plugin/examples/cors-middleware.js:8');
    expect(await link.getAttribute('href')).toMatch(/eslint-plugin\/examples\/cors-middleware\.js#L8$/);
    // The matrix: the guide's regex lets its witness read with cookies; evil.example gets nothing from the allowlist.
    const header = await page.locator('#matrix thead th').allTextContents();
    expect(header).toEqual([
      'Policy',
      'an origin the code allows',
      'the witness (an attacker origin the check lets in)',
      'null',
      'https://evil.example',
    ]);
    const guide = page.locator('#matrix tbody tr', { hasText: 'order-processing-server.js:16' });
    expect(await guide.locator('td').nth(1).textContent()).toContain('https://evilmydomain.com');
    expect(await guide.locator('td').nth(1).getAttribute('class')).toBe('cell with-cookies');
    const safe = page.locator('#matrix tbody tr', { hasText: 'cors-middleware.js:30' });
    expect(await safe.locator('td').nth(0).getAttribute('class')).toBe('cell with-cookies intended');
    expect(await safe.locator('td').nth(3).getAttribute('class')).toBe('cell no');
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });

    // Filter by text, then by verdict.
    await page.fill('#filter', 'frameworks.ts');
    expect(await page.locator('#policies tbody tr:not(.hidden)').count()).toBe(6);
    expect(await page.locator('#matrix tbody tr:not(.hidden)').count()).toBe(6);
    await page.fill('#filter', '');
    await page.uncheck('.controls input[value=unsafe]');
    expect(await page.locator('#policies tbody tr:not(.hidden)').count()).toBe(2);
    expect(await page.locator('#shown').textContent()).toBe('2 shown');
    await page.check('.controls input[value=unsafe]');
    // Sort by "Where": the file column, ascending.
    await page.click('#policies th:nth-child(2)');
    const firstSites = await page.locator('#policies tbody tr .site').allTextContents();
    expect(firstSites[0]).toBe('eslint-plugin/examples/cors-middleware.js:8');
    expect(firstSites.at(-1)).toBe('eslint-plugin/examples/order-processing-server.js:34');
    await page.click('#policies th:nth-child(2)');
    expect((await page.locator('#policies tbody tr .site').allTextContents())[0]).toBe(
      'eslint-plugin/examples/order-processing-server.js:34',
    );
    // The only request is the page itself.
    expect(requests).toEqual([url]);
    await page.close();
  });

  it("a project's trusted origins become matrix columns", async () => {
    const { page, requests, errors, url } = await render(join(root, 'test/fixtures/map/shop-api'), [], 'shop-api');
    expect(errors).toEqual([]);
    expect(await page.locator('#policies tbody tr').count()).toBe(4);
    const header = await page.locator('#matrix thead th').allTextContents();
    expect(header.slice(0, 3)).toEqual(['Policy', 'https://shop.example.com', 'https://admin.example.com']);
    const app = page.locator('#matrix tbody tr', { hasText: 'src/app.js:11' });
    const witness = app.locator('td').nth(header.indexOf('the witness (an attacker origin the check lets in)') - 1);
    expect(await witness.textContent()).toContain('https://shop-example.com');
    await page.screenshot({ path: join(artifacts, 'report-shop-api.png'), fullPage: true });
    // The README's pictures: the top of the page, and the matrix.
    await page.setViewportSize({ width: 1200, height: 520 });
    await page.screenshot({ path: join(artifacts, 'report-top.png') });
    await page.setViewportSize({ width: 1500, height: 520 });
    await page.locator('#matrix').screenshot({ path: join(artifacts, 'report-matrix.png') });
    expect(requests).toEqual([url]);
    await page.close();
  });
});
