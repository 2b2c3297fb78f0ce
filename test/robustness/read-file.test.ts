// The one bounded reader (analysis/read-file.ts) and the escapers of the reports, on their own: what is
// read, what is skipped and why, and what each context's escaping makes of hostile text.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBounded } from '../../eslint-plugin/src/analysis/read-file';
import { mdCode, mdText } from '../../eslint-plugin/src/map/format';
import { linkBaseProblem, relativeLink, safeHref } from '../../eslint-plugin/src/map/html';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-guard-read-'));
  mkdirSync(join(dir, 'p'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.platform !== 'win32')('readBounded', () => {
  const opts = { maxBytes: 1024, root: '' };
  const read = (name: string) => readBounded(join(dir, 'p', name), { ...opts, root: join(dir, 'p') });

  it('a regular file: its text, once, without a byte-order mark', () => {
    writeFileSync(join(dir, 'p', 'bom.json'), '\uFEFF{"a":1}');
    expect(read('bom.json')).toEqual({ text: '{"a":1}' });
  });

  it.each<[string, (p: string) => void, RegExp]>([
    ['a FIFO', (p) => execFileSync('mkfifo', [p]), /^a FIFO/],
    ['a link to /dev/zero', (p) => symlinkSync('/dev/zero', p), /^a link leaving the project \(to \/dev\/zero\)$/],
    [
      'a sparse file over the cap',
      (p) => {
        const fd = openSync(p, 'w');
        ftruncateSync(fd, 1536 * 1024 * 1024);
        closeSync(fd);
      },
      /^larger than 1 KB \(1\.5 GB\)$/,
    ],
    ['a folder', (p) => mkdirSync(p), /^a folder$/],
    ['a broken link', (p) => symlinkSync(join(dir, 'nowhere'), p), /^a broken link$/],
    ['missing', () => {}, /^missing$/],
  ])('%s: skipped with the reason', (_, make, reason) => {
    const name = `x${Math.random().toString(36).slice(2)}.ts`;
    make(join(dir, 'p', name));
    const out = read(name);
    expect('skipped' in out && out.skipped).toMatch(reason);
  });

  it('a link inside the project is followed; the device link without a root is still not a file', () => {
    writeFileSync(join(dir, 'p', 'real.js'), 'ok');
    symlinkSync(join(dir, 'p', 'real.js'), join(dir, 'p', 'alias.js'));
    expect(read('alias.js')).toEqual({ text: 'ok' });
    symlinkSync('/dev/zero', join(dir, 'p', 'zero2.js'));
    expect(readBounded(join(dir, 'p', 'zero2.js'), { maxBytes: 1024 })).toEqual({ skipped: 'a device' });
  });
});

describe('escaping for each context', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  const cells = (row: string) =>
    md
      .parse(`| a | b | c |\n| --- | --- | --- |\n${row}\n`, {})
      .filter((t) => t.type === 'inline')
      .slice(3)
      .map((t) => (t.children ?? []).map((c) => c.content).join(''));

  it.each([
    'x` | `cors` | shop.example.com only | no cookies | | | .js',
    '``` | `` ` |',
    ' `lead and trail` ',
    'a\\|b \\ c',
    '<img src=x onerror=alert(1)> [l](javascript:alert(1)) &lt; @user *em* ~~s~~ $x$',
    'line\nbreak\r\u2028end',
  ])('%j: one cell each way, as written (newlines as spaces; a plain cell trimmed, as tables do)', (text) => {
    const flat = text.replace(/[\n\r\u2028]/g, ' ');
    expect(cells(`| ${mdCode(text)} | ${mdText(text)} | z |`)).toEqual([flat, flat.trim(), 'z']);
  });

  it('links: ./-relative and percent-encoded; only http(s) and file bases; nothing else is a link', () => {
    expect(relativeLink('javascript:alert(document.domain)<!--.js', 2)).toBe(
      './javascript%3Aalert(document.domain)%3C!--.js#L2',
    );
    expect(relativeLink('../src/a b#c.js', 3)).toBe('./../src/a%20b%23c.js#L3');
    expect(linkBaseProblem('https://github.com/o/r/blob/main/')).toBeUndefined();
    expect(linkBaseProblem('file:///srv/x/')).toBeUndefined();
    expect(linkBaseProblem('javascript:alert(1)//')).toMatch(/http, https or file/);
    expect(linkBaseProblem('JaVaScRiPt:alert(1)')).toMatch(/http, https or file/);
    expect(linkBaseProblem('src/')).toMatch(/absolute URL/);
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(safeHref(bad), bad).toBeUndefined();
    expect(safeHref('./a.js#L1')).toBe('./a.js#L1');
    expect(safeHref('https://x.example/a')).toBe('https://x.example/a');
  });
});
