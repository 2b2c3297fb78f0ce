// The real `cors` package as a judge of origin callbacks in rule tests.
import { createRequire } from 'node:module';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const cors = require('cors') as (options: unknown) => (req: unknown, res: unknown, next: () => void) => void;

export type OriginCallback = (o: string, cb: (e: unknown, v: unknown) => void) => void;

/**
 * What the real `cors` package sends in Access-Control-Allow-Origin for `origin`, given an origin callback
 * and credentials on (the callbacks under test answer synchronously: the request must go on).
 */
export function corsAnswer(origin: string, fn: OriginCallback): unknown {
  const headers: Record<string, unknown> = {};
  const res = {
    statusCode: 200,
    setHeader: (k: string, v: unknown) => (headers[k.toLowerCase()] = v),
    getHeader: (k: string) => headers[k.toLowerCase()],
    end: () => undefined,
  };
  let done = false;
  cors({ origin: fn, credentials: true })({ method: 'GET', headers: { origin } }, res, () => (done = true));
  expect(done).toBe(true);
  return headers['access-control-allow-origin'];
}
