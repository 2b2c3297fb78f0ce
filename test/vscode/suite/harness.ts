/**
 * A small test harness for the extension host (no test framework to load there): tests run in order,
 * each with a timeout; the results go to the console (the runner forwards it) and, when
 * CORS_GUARD_TEST_RESULTS names a file, to JSON for `npm test`. The timeout is the one clock a test has:
 * the suite's waits wait on events and conditions (`waitingFor` says what for, should the timeout hit).
 */
import { writeFileSync } from 'node:fs';

type TestFn = () => Promise<void> | void;
const tests: { name: string; fn: TestFn; timeoutMs: number }[] = [];

export function test(name: string, fn: TestFn, timeoutMs = 90_000): void {
  tests.push({ name, fn, timeoutMs });
}

/** A wait of the running test: what it waits for (said when the timeout hits), and whether to give up. */
export interface Wait {
  /** The test ended (its timeout hit): the wait stops instead of polling on into the next tests. */
  readonly abandoned: boolean;
  /** The wait is over. */
  done(): void;
}
const waits = new Set<{ describe: () => string; abandoned: boolean }>();
/** Notes a wait of the running test, described by `describe` (with the state seen so far). */
export function waitingFor(describe: () => string): Wait {
  const wait = { describe, abandoned: false, done: () => void waits.delete(wait) };
  waits.add(wait);
  return wait;
}

export interface TestOutcome {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
  /** Why the test did not apply to this run (see `skip`). */
  readonly skipped?: string;
}

/** Thrown by `skip`. */
class Skipped extends Error {}

/**
 * Ends the running test as not applicable to this run (e.g. what it checks was not measured here): listed as
 * skipped with the reason, so a run that checks nothing cannot pass for one that checked.
 */
export function skip(reason: string): never {
  throw new Skipped(reason);
}

export async function runAll(): Promise<void> {
  const results: TestOutcome[] = [];
  // CORS_GUARD_TEST_GREP: run only the tests whose name holds it (the first test, activation, always runs).
  const grep = process.env['CORS_GUARD_TEST_GREP'];
  for (const t of tests) {
    if (grep && t !== tests[0] && !t.name.includes(grep)) continue;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise((_, reject) => {
          timer = setTimeout(() => {
            const waiting = [...waits].map((w) => w.describe()).join('; ');
            reject(new Error(`timed out after ${t.timeoutMs} ms${waiting ? `, waiting for ${waiting}` : ''}`));
          }, t.timeoutMs);
        }),
      ]);
      results.push({ name: t.name, ok: true, ms: Date.now() - started });
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      if (error instanceof Skipped) {
        results.push({ name: t.name, ok: true, ms: Date.now() - started, skipped: error.message });
        console.log(`  - ${t.name} (skipped: ${error.message})`);
        continue;
      }
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: t.name, ok: false, ms: Date.now() - started, error: message });
      console.log(`  ✗ ${t.name}\n${message}`);
    } finally {
      clearTimeout(timer);
      for (const w of waits) w.abandoned = true;
      waits.clear();
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  const skipped = results.filter((r) => r.skipped !== undefined).length;
  console.log(`${results.length - failed - skipped} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  const out = process.env['CORS_GUARD_TEST_RESULTS'];
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  if (failed > 0) throw new Error(`${failed} of ${results.length} VS Code tests failed`);
}
