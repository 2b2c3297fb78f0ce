/**
 * Runs a project's own RegExp on an origin without letting it hang the linter. JavaScript's backtracking
 * engine takes exponential time on some patterns (`(?:a|a){34}(?=z)`, `(a+)+$`) for the very inputs the
 * witness analysis builds, and a running `RegExp.test` cannot be interrupted from JavaScript. So a pattern
 * that can backtrack runs inside `node:vm` with a timeout (V8 interrupts the regex), within one time budget
 * per pattern; a pattern that cannot (no quantified group, at most one unbounded quantifier, no
 * backreference or lookaround) runs directly, at no cost.
 */
import * as vm from 'node:vm';
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { REGEX_BUDGET } from '../budgets';

/**
 * Milliseconds of CPU time this process has used: budgets count it rather than wall time, so a busy
 * machine (CI, many parallel test workers) does not turn a verdict into "could not be analysed".
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Tests `subject`; undefined once the pattern's RegExp budget is used up (the answer is not known). */
export type BoundedTest = (subject: string) => boolean | undefined;

/** Whether the backtracking engine can take more than linear time on this pattern. */
export function canBacktrack(pattern: string, flags: string): boolean {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, {
      unicode: flags.includes('u'),
      unicodeSets: flags.includes('v'),
    });
  } catch {
    return true;
  }
  let risky = false;
  let unbounded = 0;
  visitRegExpAST(ast, {
    onQuantifierEnter(q) {
      if (q.max === Infinity) unbounded++;
      if (q.max > 1 && q.element.type !== 'Character' && q.element.type !== 'CharacterSet') {
        // A class is one character; a group (or a class with strings, `v`) can match a run several ways.
        if (q.element.type !== 'CharacterClass' || q.element.unicodeSets) risky = true;
      }
    },
    onBackreferenceEnter() {
      risky = true;
    },
    onAssertionEnter(a) {
      if (a.kind === 'lookahead' || a.kind === 'lookbehind') risky = true;
    },
  });
  return risky || unbounded > 1;
}

const script = new vm.Script('re.test(subject)');
/** One context for every pattern (creating one costs about a millisecond). */
let shared: vm.Context | undefined;

/** A test of `re` within the pattern's RegExp budget (shared by every call of the returned function). */
export function boundedTest(re: RegExp, risky = canBacktrack(re.source, re.flags)): BoundedTest {
  if (!risky) return (s) => re.test(s);
  let spent = 0;
  let exhausted = false;
  // The same origins are asked about again and again (each rule asks decide()): each runs once.
  const answers = new Map<string, boolean>();
  return (subject) => {
    const known = answers.get(subject);
    if (known !== undefined) return known;
    if (exhausted) return undefined;
    const started = cpuMs();
    try {
      const context = (shared ??= vm.createContext({ re, subject }));
      context.re = re;
      context.subject = subject;
      // The watchdog counts wall time: it is given slack for a busy machine; the budget counts CPU time.
      const remaining = REGEX_BUDGET.maxRegExpMs - spent;
      const answer = script.runInContext(context, { timeout: Math.ceil(4 * remaining + 10) }) === true;
      if (answers.size < 256) answers.set(subject, answer);
      return answer;
    } catch {
      exhausted = true;
      return undefined;
    } finally {
      spent += cpuMs() - started;
      if (spent >= REGEX_BUDGET.maxRegExpMs) exhausted = true;
    }
  };
}
