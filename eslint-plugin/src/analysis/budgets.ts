/**
 * Every budget of the analysis, in one place: what may grow with the input (regex automata, values
 * followed, guards per site, modules imported, bytes read) stops at a named limit of counted work, never of
 * time, so hostile or huge input never hangs the linter, the editor or the map, and the same input gets the
 * same verdicts on any machine, alone or under load, cold or warm. What a budget cuts off is "could not be analysed"
 * (said in the message where it decides a finding, e.g. an origin check that could not be verified) or
 * "unknown" (silent), never "safe". The README ("Budgets") lists them; test/robustness/ holds each to an
 * outcome, and `npm run bench` times each hostile case against ESLint's own parse of the same file.
 */

/** One origin pattern's analysis (`checks/witness.ts` and `checks/automata.ts`). */
export const REGEX_BUDGET = {
  /** Automaton nodes any one construction may create (refa's limited node factory). */
  maxNodes: 20_000,
  /**
   * Work one pattern's analysis may do, counted by the meter of `checks/automata.ts`: one unit per automaton
   * node created, per state of a product explored and per transition out of it, `regExpRunCost` per run of
   * the pattern's own RegExp, and the base costs below (a unit is roughly 10 µs on a quiet laptop). An
   * ordinary origin check takes 500 to 3,000 units, a list of 100 hosts in one pattern about 20,000;
   * hostile patterns are stopped before, by the screen below.
   */
  maxWork: 100_000,
  /** Units one pattern's analysis counts before any automaton (parsing, the screen, the search automaton's setup). */
  patternBaseCost: 200,
  /** Units building the attacker languages for a set of hosts counts beyond its nodes (charged on cache hits too). */
  languagesBaseCost: 500,
  /** Units one run of the project's RegExp counts (re-testing a witness). */
  regExpRunCost: 50,
  /**
   * Last-resort guard on one run of the project's RegExp, for a pattern that can backtrack (a quantified
   * group, adjacent unbounded quantifiers, lookarounds): it runs under a `node:vm` timeout. The screen keeps
   * every pattern it lets through far below it (linear or low-polynomial on an origin), so it never decides
   * a verdict; past it the answer is unknown.
   */
  regExpGuardMs: 2_000,
  /** Longest pattern source analysed at all (longer: could not be analysed). */
  maxPatternLength: 20_000,
  /**
   * Largest pattern analysed, estimated before any automaton is built: characters and classes, each
   * repetition counted (`{1000}` multiplies), large classes by their ranges. Origin checks are under 200.
   */
  maxPatternSize: 4_000,
  /** Character ranges of all classes together (`\p{L}` has about 650; a class of scattered characters, one each). */
  maxClassRanges: 3_000,
  /** Unbounded quantifiers over wide classes (`.*`) one pattern may have: each multiplies backtracking. */
  maxWideLoops: 3,
  /** Automaton nodes the screen for exponential backtracking may build per repeated group. */
  screenNodes: 2_000,
} as const;

/**
 * One file's regex analyses together (`checks/checks.ts`), in the meter's units: a cap only a hostile file
 * reaches (each pattern has its own `maxWork` within it); past it, further checks are not analysed.
 */
export const FILE_REGEX_WORK = 3_000_000;

/** Resolving values (`values/values.ts`). */
export const VALUE_BUDGET = {
  /** Steps one question ("what can this expression be?") may take before its answer is `unknown`. */
  stepsPerQuery: 20_000,
  /** Steps one file may take: a base, plus a share per character of source, so cost per site stays flat. */
  stepsPerFile: 100_000,
  stepsPerSourceChar: 2,
  /** Nesting of the values followed (helpers, constants, properties). */
  maxDepth: 12,
} as const;

/**
 * Guards (`checks/dominators.ts`): early exits (`if (!ok) return;`) before a site that one site takes into
 * account; beyond, the guard is opaque (trusted: nothing is claimed), never weaker.
 */
export const MAX_EXITS_PER_SITE = 64;

/** Imported modules (`values/modules.ts`), per lint unless said otherwise. */
export const MODULE_LIMITS = {
  /** Larger modules are not parsed. */
  maxBytes: 512 * 1024,
  /** A line longer than this marks a minified or generated module, which is not parsed. */
  maxLineLength: 4000,
  /** Modules one lint may load (parsed or from the cache). */
  maxModulesPerLint: 60,
  /** Import specifiers one lint may resolve (each a few file-system look-ups). */
  maxResolutionsPerLint: 600,
  /** Bytes one lint may read and parse from other modules. */
  maxBytesPerLint: 2 * 1024 * 1024,
  /** Import hops from the linted file. */
  maxDepth: 6,
  /** Parsed modules kept per process. */
  cacheEntries: 400,
} as const;

/**
 * Files read from the project (`read-file.ts`): sources, package.json files, lockfiles, tsconfig files,
 * configs. Only regular files inside the project under these sizes are read; anything else (a FIFO, a
 * device, a socket, a link leaving the project, a larger file) is skipped with the reason.
 */
export const READ_LIMITS = {
  /** A source file the map lints (ESLint reads it whole; a generated bundle can be a few megabytes). */
  sourceBytes: 8 * 1024 * 1024,
  /** A package.json, tsconfig.json, jsconfig.json, .gitignore or flat config. */
  configBytes: 2 * 1024 * 1024,
  /** A lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock, bun.lock). */
  lockfileBytes: 20 * 1024 * 1024,
} as const;

/** Where a server runs (`local-server.ts`). */
export const LOCAL_SERVER_LIMITS = {
  /** Nodes one file's walk visits (listen calls, transports, hooks, routes, gates). */
  maxNodes: 200_000,
  /** Routes named in a finding. */
  maxRoutes: 3,
  /** Files read from a package's `bin` entries to find who they import. */
  maxBinFiles: 24,
  /** Relative-import hops followed from a `bin` file. */
  maxBinDepth: 2,
} as const;
