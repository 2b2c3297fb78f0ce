// Hovers and the map for the platform rows (sites/libraries/platforms.ts): the same decide() answers the
// rules report, worded for Firebase callables, Firebase params and itty-router.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { explainPolicy } from '../../eslint-plugin/src/analysis';

function explainAll(code: string) {
  const linter = new Linter();
  linter.verify(code, [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never], 'server.js');
  const model = plugin.fileModelOf(linter.getSourceCode().ast as never)!;
  return model.policies.map((p) => explainPolicy(p, model.trustedOrigins));
}

function explainOnly(code: string) {
  const all = explainAll(code);
  expect(all.length).toBe(1);
  return all[0]!;
}

const headersOf = (e: ReturnType<typeof explainOnly>, request: string, origin: string) => {
  const r = e.responses.find((x) => x.request === request && x.origin === origin);
  return r && Object.fromEntries(r.headers);
};

describe('explainPolicy, platforms', () => {
  it('Firebase onCall: every origin without cookies, by design, and the explanation says why', () => {
    const e = explainOnly("import { onCall } from 'firebase-functions/v2/https';\nexport const f = onCall(() => 1);");
    expect(e.library).toBe('firebase-functions (onCall)');
    expect(e.level).toBe('safe');
    expect(e.verdict).toMatch(/^Public: .* answer every origin by design: .*ID token/);
    expect(headersOf(e, 'preflight', 'https://evil.example')).toMatchObject({
      'Access-Control-Allow-Origin': 'https://evil.example',
      'Access-Control-Allow-Methods': 'POST',
    });
  });

  it('Firebase onRequest: `cors: true` reflects, not by design; no `cors` is no CORS at all', () => {
    const e = explainOnly(
      "import { onRequest } from 'firebase-functions/v2/https';\nexport const f = onRequest({ cors: true }, (q, s) => s.end());",
    );
    // Every origin, never with cookies (the platform sends none): what `*` gives, public.
    expect(e.level).toBe('safe');
    expect(e.verdict).toMatch(/^Public: any website .* gets its own Origin back .* never with cookies/);
    expect(e.verdict).not.toMatch(/by design/);
    expect(
      explainAll(
        "import { onRequest } from 'firebase-functions/v2/https';\nexport const f = onRequest((q, s) => s.end());",
      ),
    ).toEqual([]);
  });

  it('Firebase params are read at deploy time: unknown, and said so', () => {
    const e = explainOnly(`import { onRequest } from 'firebase-functions/v2/https';
import { defineList } from 'firebase-functions/params';
const origins = defineList('ALLOWED_ORIGINS');
export const f = onRequest({ cors: origins }, (q, s) => s.end());`);
    expect(e.level).toBe('unknown');
    expect(e.originRule).toBe(
      'a Firebase params value (`defineList(...)`), set at deploy time, which CORS Guard cannot read',
    );
  });

  it('itty-router: `*` with credentials sends back the Origin with credentials', () => {
    const e = explainOnly(
      "import { cors } from 'itty-router';\nconst { preflight, corsify } = cors({ origin: '*', credentials: true });",
    );
    expect(e.library).toBe('itty-router');
    expect(e.level).toBe('unsafe');
    expect(headersOf(e, 'credentialed GET', 'https://evil.example')).toMatchObject({
      'Access-Control-Allow-Origin': 'https://evil.example',
      'Access-Control-Allow-Credentials': 'true',
    });
  });
});
