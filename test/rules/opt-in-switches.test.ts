/**
 * Opt-in switches beside an origin check (`if (process.env.ALLOW_ALL_CORS) return callback(null, true)`):
 * the allow-all path runs only in a deployment that sets the variable. The recommended preset does not
 * report it (what is sent depends on the deployment, and the hover says so: unknown, never safe); the strict
 * preset reports the switch with no-permissive-default. A test that holds while the variable is unset
 * (`!process.env.X`, `NODE_ENV !== 'production'`) fails open and stays a recommended finding, and so does a
 * switch that turns CORS on as a whole (its reflection is all the code does). Each answer is confirmed by
 * running the origin callback through the real `cors` package with the variable set and unset.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { corsAnswer, type OriginCallback } from './real-cors';
import { assessPolicy, explainPolicy, type FileModel } from '../../eslint-plugin/src/analysis';
import { mapEntryOf } from '../../eslint-plugin/src/map/entries';

const EVIL = 'https://evil.example';

/** Runs `body` (an origin callback's body over `origin`, `cb` and `env`) with the environment given. */
function answerWith(env: Record<string, string>, body: string): unknown {
  const fn = new Function('env', 'allow', `return (origin, cb) => { const process = { env }; ${body} }`) as (
    env: Record<string, string>,
    allow: readonly string[],
  ) => OriginCallback;
  return corsAnswer(EVIL, fn(env, ALLOW));
}

const ALLOW = ['https://shop.example.com'];
const corsWith = (body: string) =>
  `import cors from 'cors';\nconst allow = ['https://shop.example.com'];\napp.use(cors({ credentials: true, origin: (origin, cb) => { ${body} } }));`;

function lint(code: string, preset: 'recommended' | 'strict') {
  const linter = new Linter();
  const messages = linter.verify(code, [{ ...plugin.configs[preset], files: ['**/*.js'] } as never], 'server.js');
  const model = plugin.fileModelOf(linter.getSourceCode()!.ast as never) as FileModel;
  return { messages: messages.map((m) => `${m.ruleId}: ${m.message}`), model };
}

interface Case {
  readonly name: string;
  readonly body: string;
  /** The variable the deployment sets to take the allow-all path. */
  readonly env: Record<string, string>;
  readonly recommended: readonly string[];
  readonly strict: readonly string[];
  /** Whether the attacker gets in with the variable unset, and with it set (the real `cors`). */
  readonly unset: boolean;
  readonly set: boolean;
}

const CASES: readonly Case[] = [
  {
    name: '`if (process.env.ALLOW_ALL_CORS) return cb(null, true)` before an exact check: a switch',
    body: 'if (process.env.ALLOW_ALL_CORS) return cb(null, true); cb(null, allow.includes(origin));',
    env: { ALLOW_ALL_CORS: '1' },
    recommended: [],
    strict: ['no-permissive-default: `process.env.ALLOW_ALL_CORS` lets every origin past the origin check'],
    unset: false,
    set: true,
  },
  {
    name: "`process.env.NODE_ENV === 'development'` in the same place: a switch",
    body: "if (process.env.NODE_ENV === 'development') { cb(null, true); } else { cb(null, allow.includes(origin)); }",
    env: { NODE_ENV: 'development' },
    recommended: [],
    strict: ["no-permissive-default: `process.env.NODE_ENV === 'development'`"],
    unset: false,
    set: true,
  },
  {
    name: '`process.env.CORS_OPEN || allow.includes(origin)` as the answer: a switch',
    body: "cb(null, process.env.CORS_OPEN === 'true' || allow.includes(origin));",
    env: { CORS_OPEN: 'true' },
    recommended: [],
    strict: ["no-permissive-default: `process.env.CORS_OPEN === 'true'`"],
    unset: false,
    set: true,
  },
  {
    name: '`!process.env.STRICT_CORS` before the check: runs when unset, so it fails open',
    body: 'if (!process.env.STRICT_CORS) return cb(null, true); cb(null, allow.includes(origin));',
    env: { STRICT_CORS: '1' },
    recommended: [
      "no-origin-reflection: The origin callback allows every origin: any site reads it with the user's cookies",
    ],
    strict: [
      "no-origin-reflection: The origin callback allows every origin: any site reads it with the user's cookies",
    ],
    unset: true,
    set: false,
  },
  {
    name: "`process.env.NODE_ENV !== 'production'`: every deployment that forgets NODE_ENV is open",
    body: "if (process.env.NODE_ENV !== 'production') return cb(null, true); cb(null, allow.includes(origin));",
    env: { NODE_ENV: 'production' },
    recommended: ['no-origin-reflection: The origin callback allows every origin'],
    strict: ['no-origin-reflection: The origin callback allows every origin'],
    unset: true,
    set: false,
  },
  {
    name: 'a switch beside a request test (`process.env.OPEN && origin`): still a switch',
    body: 'if (process.env.OPEN && origin) return cb(null, true); cb(null, allow.includes(origin));',
    env: { OPEN: 'yes' },
    recommended: [],
    strict: ['no-permissive-default: `process.env.OPEN` lets every origin past'],
    unset: false,
    set: true,
  },
];

describe('opt-in switches beside an origin check', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const code = corsWith(c.body);
      const recommended = lint(code, 'recommended');
      expect(recommended.messages.length, recommended.messages.join('\n')).toBe(c.recommended.length);
      c.recommended.forEach((text, i) => expect(recommended.messages[i]).toContain(text));
      const strict = lint(code, 'strict');
      expect(strict.messages.length, strict.messages.join('\n')).toBe(c.strict.length);
      c.strict.forEach((text, i) => expect(strict.messages[i]).toContain(text));
      // The real `cors` package, with the variable unset and set.
      expect(answerWith({}, c.body) === EVIL).toBe(c.unset);
      expect(answerWith(c.env, c.body) === EVIL).toBe(c.set);
    });
  }

  it('the hover and the map call a switched policy unknown, name the variable, and never call it safe', () => {
    const { model } = lint(corsWith(CASES[0]!.body), 'recommended');
    const [policy] = model.policies;
    expect(assessPolicy(policy!)).toMatchObject({ level: 'unknown', reason: 'switch' });
    const hover = explainPolicy(policy!);
    expect(hover.level).toBe('unknown');
    expect(hover.verdict).toContain('`process.env.ALLOW_ALL_CORS` is set');
    expect(hover.verdict).toContain("with the user's cookies");
    const entry = mapEntryOf(policy!, [], 'server.js');
    expect(entry.verdict).toBe('unknown');
    expect(entry.allows).toContain('any origin when process.env.ALLOW_ALL_CORS is set');
    expect(entry.allows).toContain('https://shop.example.com');
  });

  it('a switch that turns CORS on as a whole is judged as run: reflection with cookies, in both presets', () => {
    const code =
      "app.use((req, res, next) => {\n  if (process.env.ENABLE_CORS) {\n    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n    res.setHeader('Access-Control-Allow-Credentials', 'true');\n  }\n  next();\n});";
    for (const preset of ['recommended', 'strict'] as const) {
      const { messages, model } = lint(code, preset);
      expect(messages).toEqual([expect.stringContaining('cors-guard/no-origin-reflection')]);
      expect(assessPolicy(model.policies[0]!)).toMatchObject({ level: 'unsafe', reason: 'any-origin' });
    }
  });

  it('Deno.env.get and Bun.env switches read as process.env ones', () => {
    for (const read of ["Deno.env.get('OPEN_CORS')", 'Bun.env.OPEN_CORS']) {
      const code = corsWith(`if (${read}) return cb(null, true); cb(null, allow.includes(origin));`);
      expect(lint(code, 'recommended').messages).toEqual([]);
      expect(lint(code, 'strict').messages).toEqual([
        expect.stringContaining(
          `no-permissive-default: \`${read}\` lets every origin past the origin check wherever \`${read}\` is set`,
        ),
      ]);
    }
  });
});
