// The plugin's shape: every rule is exported, documented, tested and in the right preset; the published
// entry point works from require() and import.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
interface PluginShape {
  meta: { name: string; version: string };
  rules: Record<
    string,
    {
      meta: {
        docs: {
          recommended: string;
          url: string;
          description: string;
          level?: string;
          recommendedOptions?: Record<string, unknown>;
        };
        schema: unknown[];
      };
    }
  >;
  configs: Record<
    string,
    { name: string; plugins: Record<string, unknown>; rules: Record<string, string | [string, unknown]> }
  >;
}
const plugin = require(join(root, 'eslint-plugin', 'dist', 'index.js')) as PluginShape;
const ruleFiles = readdirSync(join(root, 'eslint-plugin', 'src', 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('plugin', () => {
  it('exports meta with the package name and version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'eslint-plugin', 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('exports every rule file', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleFiles].sort());
  });

  it('is the same object from import and require (in plain Node)', () => {
    const script = `import { createRequire } from 'node:module';
      import plugin from 'eslint-plugin-cors-guard';
      const required = createRequire(import.meta.url)('eslint-plugin-cors-guard');
      console.log(plugin === required && typeof plugin.configs.recommended.rules === 'object');`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(out.trim()).toBe('true');
  });

  for (const name of ruleFiles) {
    describe(name, () => {
      const rule = plugin.rules[name]!;
      it('has a doc page and a test file', () => {
        expect(existsSync(join(root, 'eslint-plugin', 'docs', 'rules', `${name}.md`))).toBe(true);
        expect(existsSync(join(root, 'test', 'rules', `${name}.test.ts`))).toBe(true);
      });
      it('links its doc page and describes every option', () => {
        expect(rule.meta.docs.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
        const describe = (schema: unknown): void => {
          const props = (schema as { properties?: Record<string, { description?: string }> }).properties ?? {};
          for (const [key, value] of Object.entries(props)) expect(value.description, `${name}.${key}`).toBeTruthy();
        };
        rule.meta.schema.forEach(describe);
      });
      it('is in the presets its docs name', () => {
        const id = `cors-guard/${name}`;
        const level = rule.meta.docs.level ?? 'error';
        expect(plugin.configs.strict!.rules[id]).toBe(level);
        const narrower = rule.meta.docs.recommendedOptions;
        expect(plugin.configs.recommended!.rules[id]).toEqual(
          rule.meta.docs.recommended === 'recommended' ? (narrower ? [level, narrower] : level) : undefined,
        );
      });
    });
  }

  it('presets are single flat configs registering the plugin under cors-guard', () => {
    for (const preset of ['recommended', 'strict']) {
      const config = plugin.configs[preset]!;
      expect(config.name).toBe(`cors-guard/${preset}`);
      expect(config.plugins['cors-guard']).toBe(plugin);
    }
  });
});
