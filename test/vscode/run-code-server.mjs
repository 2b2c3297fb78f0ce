#!/usr/bin/env node
// `npm run test:vscode`: the extension's integration suite inside a real VS Code (code-server 4.100.3,
// VS Code 1.100.3) driven by Debian's Chromium. Then, as a person would see it, screenshots of a
// finding's squiggle, its hover and its quick-fix menu under test-results/vscode/.
// Options: --results <file> (per-test JSON), --no-build, --keep (leave the sandbox), --grep <text> (only
// the tests whose name holds it), --entry <file> (a suite entry under suite/, default index.ts: all of it;
// part-*.ts run a share of the modules each, one code-server per part, as `npm test` does).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, buildExtension, buildSuite, makeSandbox, root } from './prepare.mjs';
import { installCodeServer, launchBrowser, runTestsInWorkbench, startCodeServer } from './code-server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const resultsFile = option('--results');
const entry = option('--entry') ?? 'index.ts';
// What a failed run leaves in test-results/vscode/ is named after its entry: parts may run at the same time.
const tag = entry === 'index.ts' ? '' : `-${entry.replace(/\.ts$/, '')}`;

const started = Date.now();
const pkg = installCodeServer();
if (!flag('--no-build')) buildExtension();
const sandbox = makeSandbox();
const suite = await buildSuite(entry, join(sandbox.dir, 'suite'));
const results = resultsFile ?? `${sandbox.dir}-results.json`;
rmSync(results, { force: true });

const screenshotDone = join(sandbox.dir, 'screenshots.done');
const server = await startCodeServer(pkg, sandbox, {
  CORS_GUARD_TEST_RESULTS: results,
  CORS_GUARD_SCREENSHOT_DONE: screenshotDone,
  ...(option('--grep') ? { CORS_GUARD_TEST_GREP: option('--grep') } : {}),
});
let screenshotError;
const browser = await launchBrowser();
let exitCode = 1;
try {
  const { page, code } = await runTestsInWorkbench(browser, server, {
    workspace: sandbox.workspace,
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    onLog: (text, page) => {
      console.log(text);
      const shot = /CORS_GUARD_SCREENSHOT (\S+)/.exec(text)?.[1];
      if (shot) {
        const take =
          shot === 'finding'
            ? screenshots(page, `${screenshotDone}.finding.json`)
            : shot === 'map-view'
              ? mapViewScreenshot(page)
              : shot.endsWith('hover')
                ? hoverScreenshot(page, shot)
                : shot === 'http-diagnostics' || shot === 'kept-findings'
                  ? squiggleHoverScreenshot(page, shot, '.squiggly-error')
                  : plainScreenshot(page, shot);
        take
          .catch((error) => (screenshotError ??= error))
          .finally(() => writeFileSync(`${screenshotDone}.${shot}`, ''));
      }
    },
  });
  if (code === 'timeout') {
    await page.screenshot({ path: join(artifacts, `timeout${tag}.png`) });
    console.error(
      `the VS Code suite (${entry}) timed out; screenshot: ${join(artifacts, `timeout${tag}.png`)}\n${server.log().slice(-4000)}`,
    );
  } else {
    exitCode = code;
    if (screenshotError) {
      console.error(`screenshots failed: ${screenshotError.message}`);
      exitCode ||= 1;
    }
  }
} finally {
  await browser.close();
  await server.stop();
  if (!flag('--keep')) rmSync(sandbox.dir, { recursive: true, force: true, maxRetries: 3 });
}
if (existsSync(results)) {
  const list = JSON.parse(readFileSync(results, 'utf8'));
  console.log(
    `VS Code ${'1.100.3'} (code-server, ${entry}): ${list.filter((r) => r.ok).length} passed, ${list.filter((r) => !r.ok).length} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
} else if (exitCode === 0) {
  console.error('the suite reported success but wrote no results');
  exitCode = 1;
}
process.exit(exitCode);

/**
 * The CORS Map view the suite focused: a screenshot of the workbench with the view, then a click on the
 * policy of the never-opened file (the suite checks that its site opened).
 */
async function mapViewScreenshot(page) {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'CORS Map' }) });
  await pane.waitFor({ timeout: 20_000 });
  // A wider sidebar, as a person would drag it, so the nodes' descriptions show.
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    const x = sidebar.x + sidebar.width - 1;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 260, y, { steps: 8 });
    await page.mouse.up();
  }
  try {
    await pane.locator('.monaco-list-row', { hasText: 'closed-reflection.js' }).first().waitFor({ timeout: 20_000 });
  } catch (error) {
    await page.screenshot({ path: join(artifacts, 'map-view-missing.png') });
    throw error;
  }
  await page.mouse.move(5, 5);
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(artifacts, 'map-view.png') });
  const wide = await page.locator('.part.sidebar').boundingBox();
  if (wide)
    await page.screenshot({
      path: join(artifacts, 'map-view-sidebar.png'),
      clip: { ...wide, height: Math.min(wide.height, 470) },
    });
  // A click on the policy row under the never-opened file's group.
  const rows = pane.locator('.monaco-list-row');
  const texts = await rows.allTextContents();
  const groupIndex = texts.findIndex((t) => t.includes('closed-reflection.js'));
  await rows.nth(groupIndex + 1).click();
  console.log(
    `screenshots: ${['map-view.png', 'map-view-sidebar.png'].map((f) => join('test-results/vscode', f)).join(', ')}`,
  );
}

/** The workbench as it is (a preview or an editor the suite arranged), once rendering settles. */
async function plainScreenshot(page, name) {
  const webview = page.locator('iframe.webview.ready').first();
  if (/docs|explain/.test(name)) await webview.waitFor({ state: 'attached', timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  console.log(`screenshot: ${join('test-results/vscode', `${name}.png`)}`);
}

/** Hovers the first squiggle of the active editor. */
async function squiggleHoverScreenshot(page, name, selector) {
  const squiggles = page.locator(`.monaco-editor ${selector}`);
  await squiggles.first().waitFor({ state: 'visible', timeout: 15_000 });
  // Decorations re-render as the editor settles: take the first squiggle that has a box now.
  let box = null;
  for (let attempt = 0; !box && attempt < 20; attempt++) {
    const count = await squiggles.count();
    for (let i = 0; !box && i < count; i++) box = await squiggles.nth(i).boundingBox();
    if (!box) await page.waitForTimeout(100);
  }
  if (box) {
    await page.mouse.move(box.x + Math.min(box.width / 2, 60), box.y + box.height / 2);
    await page
      .locator('.monaco-hover:not(.hidden)')
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => {});
    await page.waitForTimeout(400);
  }
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  await page.mouse.move(5, 5);
  console.log(`screenshot: ${join('test-results/vscode', `${name}.png`)}`);
}

/** A hover the suite opened (`editor.action.showHover`). */
async function hoverScreenshot(page, name) {
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  console.log(`screenshot: ${join('test-results/vscode', `${name}.png`)}`);
}

/** The suite leaves the order-processing server open with the cursor on the reflection finding. */
async function screenshots(page, measurements) {
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  try {
    await squiggle.waitFor({ state: 'visible', timeout: 20_000 });
  } catch (error) {
    await page.screenshot({ path: join(artifacts, 'no-squiggle.png') });
    throw error;
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(artifacts, 'finding.png') });
  // Hover the reflected-origin squiggle: the marker hover shows the message, rule link and quick fix.
  // The squiggle on the cursor's line (the suite put the cursor on the reflection finding).
  const squiggles = page.locator('.monaco-editor .squiggly-error');
  const count = await squiggles.count();
  const cursor = await page.locator('.monaco-editor .cursor').first().boundingBox();
  let target = squiggle;
  let best = Infinity;
  for (let i = 0; i < count; i++) {
    const box = await squiggles.nth(i).boundingBox();
    if (!box || box.width <= 20) continue;
    const distance = cursor ? Math.abs(box.y + box.height / 2 - (cursor.y + cursor.height / 2)) : -box.width;
    if (distance < best) {
      best = distance;
      target = squiggles.nth(i);
    }
  }
  const box = await target.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page
    .locator('.monaco-hover:not(.hidden) .marker.hover-contents, .monaco-hover .hover-row.status-bar')
    .first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, 'finding-hover.png') });
  // How the hover fits: its visible box, the height of what it holds, whether "Quick Fix…" is in view.
  const fit = await page.evaluate(() => {
    const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => !h.classList.contains('hidden'));
    if (!hover) return undefined;
    const box = hover.getBoundingClientRect();
    const contents = hover.querySelector('.monaco-hover-content') ?? hover;
    const status = hover.querySelector('.hover-row.status-bar');
    const s = status?.getBoundingClientRect();
    return {
      boxHeight: Math.round(box.height),
      contentHeight: Math.round(contents.scrollHeight),
      statusBarVisible: !!s && s.height > 0 && s.bottom <= box.bottom + 1 && s.top >= box.top - 1,
      text: hover.innerText.slice(0, 600),
    };
  });
  writeFileSync(measurements, JSON.stringify(fit ?? {}));
  console.log(`finding hover: ${JSON.stringify(fit)}`);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  // The quick-fix menu at the cursor (placed on the finding by the suite).
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').first();
  await menu.waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, 'quick-fix-menu.png') });
  console.log(
    `screenshots: ${['finding.png', 'finding-hover.png', 'quick-fix-menu.png'].map((f) => join('test-results/vscode', f)).join(', ')}`,
  );
}
