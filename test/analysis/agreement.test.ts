/**
 * One evaluator: the hover's verdict (assessPolicy / explainPolicy over decide()) and the recommended
 * rules can never disagree. Over every detection fixture, every rule-doc example, the e2e fixtures and
 * the VS Code workspace files, with and without trusted origins: a file has an unsafe or broken policy
 * exactly when a recommended rule reports, and the origin the hover shows getting in is one the rules name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { assessPolicy, explainPolicy, type FileModel } from '../../eslint-plugin/src/analysis';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Source {
  readonly name: string;
  readonly code: string;
  readonly ts: boolean;
}

function filesIn(dir: string, pattern: RegExp): Source[] {
  return readdirSync(join(root, dir))
    .filter((f) => pattern.test(f) && !f.includes('.min.') && !f.startsWith('eslint.config'))
    .map((f) => ({ name: `${dir}/${f}`, code: readFileSync(join(root, dir, f), 'utf8'), ts: /\.tsx?$/.test(f) }));
}

function docExamples(): Source[] {
  const dir = join(root, 'eslint-plugin', 'docs', 'rules');
  const out: Source[] = [];
  for (const file of readdirSync(dir)) {
    const markdown = readFileSync(join(dir, file), 'utf8');
    let i = 0;
    for (const m of markdown.matchAll(/```(js|ts)\n([\s\S]*?)```/g)) {
      out.push({ name: `docs/${file}#${i++}`, code: m[2]!, ts: m[1] === 'ts' });
    }
  }
  return out;
}

const SOURCES: Source[] = [
  ...filesIn('test/fixtures/detection', /\.js$/),
  ...filesIn('test/fixtures/e2e', /\.[cm]?[jt]s$/),
  ...filesIn('test/vscode/workspace', /\.[jt]s$/),
  ...filesIn('eslint-plugin/examples', /\.[jt]s$/),
  ...docExamples(),
];

const TRUSTED = [[], ['https://www.example.com', 'https://app.example.com']] as const;

function lint(source: Source, trustedOrigins: readonly string[]) {
  const linter = new Linter();
  const messages = linter.verify(
    source.code,
    [
      {
        ...plugin.configs.recommended,
        files: ['**/*.js', '**/*.ts', '**/*.cjs', '**/*.mjs'],
        languageOptions: source.ts ? { parser: tseslint.parser } : {},
        settings: { 'cors-guard': { trustedOrigins } },
      } as never,
    ],
    source.ts ? 'file.ts' : source.name.endsWith('.cjs') ? 'file.cjs' : 'file.js',
  );
  const ast = linter.getSourceCode()?.ast;
  const model = ast ? (plugin.fileModelOf(ast as never) as FileModel | undefined) : undefined;
  return { messages, model };
}

describe('hover and rules agree (one evaluator)', () => {
  it('covers enough sources to mean something', () => {
    expect(SOURCES.length).toBeGreaterThan(60);
  });

  for (const trusted of TRUSTED) {
    it(`on every source, ${trusted.length ? 'with' : 'without'} trusted origins`, () => {
      let flaggedFiles = 0;
      let witnessesChecked = 0;
      for (const source of SOURCES) {
        const { messages, model } = lint(source, trusted);
        if (messages.some((m) => m.fatal)) continue; // a doc fragment that is not a whole program
        expect(model, source.name).toBeDefined();
        expect({ name: source.name, error: model!.error }).toEqual({ name: source.name, error: undefined });
        const assessments = model!.policies.map((p) => assessPolicy(p, model!.trustedOrigins));
        // A check that could not be analysed: the rule says so, and the hover calls its policy unknown.
        const notAnalysed = messages.some((m) => m.messageId === 'notAnalysed');
        const hoverFlags = assessments.some(
          (a) => a.level === 'unsafe' || a.level === 'broken' || (notAnalysed && a.level === 'unknown'),
        );
        expect({ name: source.name, hoverFlags }).toEqual({ name: source.name, hoverFlags: messages.length > 0 });
        if (hoverFlags) flaggedFiles++;
        // The witness the hover shows is one a rule names.
        const named = new Set(
          messages.flatMap((m) => [...m.message.matchAll(/`'?((?:https?:\/\/[^`']+)|null)'?`/g)].map((x) => x[1]!)),
        );
        for (const a of assessments) {
          // Reflection messages say "any site" (a local server's, "any website you visit") rather than naming the
          // example origin; checks and `null` name theirs.
          const anySite = a.reason === 'any-origin' || (a.reason === 'local' && a.witness === 'https://evil.example');
          if (a.level !== 'unsafe' || !a.witness || anySite) continue;
          expect({ name: source.name, witness: a.witness, named: named.has(a.witness) }).toEqual({
            name: source.name,
            witness: a.witness,
            named: true,
          });
          witnessesChecked++;
        }
      }
      expect(flaggedFiles).toBeGreaterThan(20);
      // Fewer than the flagged files: checks on policies that never allow credentials are public in the
      // recommended preset (the hover says so too), and most fixtures' checks send no cookies.
      expect(witnessesChecked).toBeGreaterThan(10);
    });
  }

  it('a check judged against trusted origins: the hover names the same witness as the rule', () => {
    const source: Source = {
      name: 'probe.js',
      ts: false,
      code: "import cors from 'cors';\napp.use(cors({ origin: /^https:\\/\\/[a-z]+\\.example\\.com$/, credentials: true }));",
    };
    const without = lint(source, []);
    expect(without.messages).toEqual([]);
    expect(explainPolicy(without.model!.policies[0]!, []).level).toBe('safe');

    const withTrusted = lint(source, ['https://www.example.com']);
    expect(withTrusted.messages.map((m) => m.ruleId)).toEqual(['cors-guard/no-unsafe-origin-check']);
    const witness = /accepts `([^`]+)`/.exec(withTrusted.messages[0]!.message)![1]!;
    const hover = explainPolicy(withTrusted.model!.policies[0]!, withTrusted.model!.trustedOrigins);
    expect(hover.level).toBe('unsafe');
    expect(hover.witness).toBe(witness);
    expect(hover.responses.find((r) => r.origin === witness)?.readable).toBe('with-cookies');
  });
});

describe('trusted origins are set once', () => {
  const code =
    "import cors from 'cors';\napp.use(cors({ origin: [/^https:\\/\\/[a-z]+\\.example\\.com$/, 'https://partner.io'], credentials: true }));\n" +
    "app.use((req, res) => { const o = req.headers.origin; if (o.endsWith('.example.com')) res.setHeader('Access-Control-Allow-Origin', o); });";

  function findings(config: Record<string, unknown>): string[] {
    const linter = new Linter();
    return linter
      .verify(code, [{ ...plugin.configs.strict, files: ['**/*.js'], ...config } as never], 'server.js')
      .map((m) => `${m.ruleId}@${m.line}:${m.column} ${m.message}`);
  }

  it('settings["cors-guard"].trustedOrigins gives the same findings as the allowedOrigins rule option', () => {
    const trustedOrigins = ['https://www.example.com'];
    const viaSettings = findings({ settings: { 'cors-guard': { trustedOrigins } } });
    const ruleNames = ['no-unsafe-origin-check', 'no-any-subdomain', 'no-insecure-origin'];
    const viaOptions = findings({
      rules: {
        ...plugin.configs.strict.rules,
        ...Object.fromEntries(
          ruleNames.map((r) => [
            `cors-guard/${r}`,
            [r === 'no-any-subdomain' ? 'warn' : 'error', { allowedOrigins: trustedOrigins }],
          ]),
        ),
      },
    });
    const none = findings({});
    expect(viaSettings).toEqual(viaOptions);
    // The probe's verdict depends on the trusted origins: the setting changes what is reported.
    expect(viaSettings).not.toEqual(none);
    expect(viaSettings.some((f) => f.includes('no-unsafe-origin-check'))).toBe(true);
  });

  it('a rule option overrides the shared setting', () => {
    const settings = { 'cors-guard': { trustedOrigins: ['https://www.example.com'] } };
    const overridden = findings({
      settings,
      rules: {
        ...plugin.configs.strict.rules,
        'cors-guard/no-unsafe-origin-check': ['error', { allowedOrigins: ['https://www.other.org'] }],
      },
    });
    expect(overridden).not.toEqual(findings({ settings }));
  });
});
