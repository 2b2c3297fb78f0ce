#!/usr/bin/env node
// Writes each rule doc's header and the README rule table from the rules' `meta`, so they cannot drift.
// `--check` fails (exit 1) instead of writing when anything is out of date.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pluginDir = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(pluginDir);
const plugin = createRequire(import.meta.url)(join(pluginDir, 'dist', 'index.js'));
const check = process.argv.includes('--check');
const stale = [];

function replaceBetween(text, begin, end, body, file) {
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file}: missing ${begin} / ${end} markers`);
  return `${text.slice(0, i + begin.length)}\n${body}\n${text.slice(j)}`;
}

function update(file, next) {
  const current = readFileSync(file, 'utf8');
  if (current === next) return;
  if (check) stale.push(file);
  else writeFileSync(file, next);
}

const presetsOf = (rule) =>
  rule.meta.docs.recommended === 'recommended' ? ['✅ `recommended`', '🔒 `strict`'] : ['🔒 `strict`'];

const names = Object.keys(plugin.rules).sort();
for (const name of names) {
  const rule = plugin.rules[name];
  const file = join(pluginDir, 'docs', 'rules', `${name}.md`);
  if (!existsSync(file)) {
    stale.push(`${file} (missing)`);
    continue;
  }
  const level = rule.meta.docs.level === 'warn' ? ' (as a warning)' : '';
  const notes = [
    `💼 Enabled in the ${presetsOf(rule).join(' and ')} config${presetsOf(rule).length > 1 ? 's' : ''}${level}.`,
  ];
  if (rule.meta.fixable) notes.push('🔧 Automatically fixable by `--fix`.');
  if (rule.meta.hasSuggestions) notes.push('💡 Offers editor suggestions.');
  const header = `> ${rule.meta.docs.description}\n\n${notes.join(' ')}`;
  update(
    file,
    replaceBetween(
      readFileSync(file, 'utf8'),
      '<!-- begin auto-generated rule header -->',
      '<!-- end auto-generated rule header -->',
      header,
      file,
    ),
  );
}

const rows = names.map((name) => {
  const rule = plugin.rules[name];
  const preset =
    (rule.meta.docs.recommended === 'recommended' ? '✅' : '🔒') + (rule.meta.docs.level === 'warn' ? ' ⚠️' : '');
  return `| [${name}](eslint-plugin/docs/rules/${name}.md) | ${rule.meta.docs.description} | ${preset} | ${rule.meta.hasSuggestions ? '💡' : ''} |`;
});
const table = ['| Rule | Description | Preset | |', '| --- | --- | --- | --- |', ...rows].join('\n');
const readme = join(root, 'README.md');
update(
  readme,
  replaceBetween(
    readFileSync(readme, 'utf8'),
    '<!-- begin auto-generated rules list -->',
    '<!-- end auto-generated rules list -->',
    table,
    readme,
  ),
);

if (stale.length > 0) {
  console.error(`Out of date (run \`npm run docs\`):\n${stale.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
