/**
 * Runs a project's own RegExp on an origin without letting it hang the linter. JavaScript's backtracking
 * engine takes exponential time on some patterns (`(?:a|a){34}(?=z)`, `(a+)+$`) for the very inputs the
 * witness analysis builds, and a running `RegExp.test` cannot be interrupted from JavaScript. Such patterns
 * are turned away by the screen (`regex-screen.ts`) before they are run; as a last resort, a pattern that can
 * backtrack runs inside `node:vm` under a timeout (V8 interrupts the regex) that no screened pattern comes
 * near, so time never decides a verdict: past it the answer is unknown. A pattern that cannot backtrack (no
 * quantified group, at most one unbounded quantifier, no backreference or lookaround) runs directly.
 */
import * as vm from 'node:vm';
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { REGEX_BUDGET } from '../budgets';

/** Tests `subject`; undefined once a run of the pattern's RegExp hit the guard (the answer is not known). */
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

/** A test of `re` under the last-resort guard; after one run hits it, every new question is unknown. */
export function boundedTest(re: RegExp, risky = canBacktrack(re.source, re.flags)): BoundedTest {
  if (!risky) return (s) => re.test(s);
  let exhausted = false;
  // The same origins are asked about again and again (each rule asks decide()): each runs once.
  const answers = new Map<string, boolean>();
  return (subject) => {
    const known = answers.get(subject);
    if (known !== undefined) return known;
    if (exhausted) return undefined;
    try {
      const context = (shared ??= vm.createContext({ re, subject }));
      context.re = re;
      context.subject = subject;
      const answer = script.runInContext(context, { timeout: REGEX_BUDGET.regExpGuardMs }) === true;
      if (answers.size < 256) answers.set(subject, answer);
      return answer;
    } catch {
      exhausted = true;
      return undefined;
    }
  };
}
