// Each rule doc's examples are tested: every "Incorrect" block produces a report of that rule, every
// "Correct" block none. A ```json block names its file after the fence (```json vercel.json) and is linted
// with ESLint's JSON language, as the plugin's json preset does.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../eslint-plugin/src/rules';
import plugin from '../eslint-plugin/src/index';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'eslint-plugin', 'docs', 'rules');

function examples(markdown: string, heading: string): { lang: string; code: string; file?: string }[] {
  const start = markdown.indexOf(`### ${heading}`);
  if (start < 0) return [];
  const rest = markdown.slice(start + heading.length + 4);
  const end = rest.search(/\n##+ /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```(js|ts|json)(?: ([\w.-]+))?\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1]!,
    code: m[3]!,
    ...(m[2] ? { file: m[2] } : {}),
  }));
}

for (const name of Object.keys(rules)) {
  describe(`docs/rules/${name}.md`, () => {
    const markdown = readFileSync(join(docsDir, `${name}.md`), 'utf8');
    const linter = new Linter();
    const json = plugin.configs.json as unknown as Linter.Config;
    const lint = (lang: string, code: string, file?: string) =>
      lang === 'json'
        ? linter.verify(code, [{ ...json, rules: { [`cors-guard/${name}`]: 'error' } }], file ?? 'example.json')
        : linter.verify(
            code,
            [
              {
                files: ['**/*.js', '**/*.ts'],
                languageOptions: lang === 'ts' ? { parser: tseslint.parser } : {},
                plugins: { 'cors-guard': { rules } as never },
                rules: { [`cors-guard/${name}`]: 'error' },
              },
            ],
            `example.${lang}`,
          );
    const incorrect = examples(markdown, 'Incorrect');
    const correct = examples(markdown, 'Correct');

    it('has incorrect and correct examples', () => {
      expect(incorrect.length).toBeGreaterThan(0);
      expect(correct.length).toBeGreaterThan(0);
    });
    incorrect.forEach(({ lang, code, file }, i) => {
      it(`incorrect example ${i + 1} is reported`, () => {
        const messages = lint(lang, code, file);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        expect(messages.filter((m) => m.ruleId === `cors-guard/${name}`).length).toBeGreaterThan(0);
      });
    });
    correct.forEach(({ lang, code, file }, i) => {
      it(`correct example ${i + 1} is not reported`, () => {
        expect(lint(lang, code, file)).toEqual([]);
      });
    });
  });
}
