/**
 * Second locations of a finding (the `credentials: true` that makes a wildcard dangerous, where a
 * reflected origin was read). ESLint's report has no field for them, so they ride on the report
 * descriptor under a registered symbol: ESLint ignores it, and the editor extension, which wraps
 * `context.report`, turns it into `relatedInformation`.
 *
 * Every rule reports through `reportWithRelated`, which also places findings made in another module:
 * ESLint can report only in the linted file, so a finding whose node lies in an imported module is
 * reported where the linted file enters that module (the import's use, the helper call), its message
 * prefixed with the other file and line, and the other file's location first among the related ones
 * (with its `file`). Fixes and suggestions that would edit another file are dropped.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ACAO, type Policy } from '../analysis';
import { foreignModuleOf } from '../analysis/values/locations';
import { placementOf, policySetting } from '../analysis/placement';
import { fileModelOf } from './file-model';
import { displayPath } from './wording';

export const RELATED: unique symbol = Symbol.for('cors-guard.related') as never;

/**
 * The related locations of this process's reports, by file, position and rule, for formatters (SARIF
 * `relatedLocations`, formatters/sarif.ts): ESLint's results have no field for them. Shared through a
 * global symbol, so a formatter loaded as another copy of the plugin finds them too.
 */
const REGISTRY = Symbol.for('cors-guard.related-registry');
export function relatedRegistry(): Map<string, readonly RelatedLocation[]> {
  const g = globalThis as { [REGISTRY]?: Map<string, readonly RelatedLocation[]> };
  return (g[REGISTRY] ??= new Map());
}
/** `column`: 0-based, as in ESTree locations. */
export function registryKey(file: string, line: number, column: number, ruleId: string): string {
  return `${file}\0${line}\0${column}\0${ruleId}`;
}

export interface RelatedLocation {
  /** ESLint locations: 1-based lines, 0-based columns. */
  readonly loc: TSESTree.SourceLocation;
  readonly message: string;
  /** Absolute path of the file the location is in, when it is not the linted file. */
  readonly file?: string;
}

interface Located {
  readonly loc: TSESTree.SourceLocation;
  readonly type?: string;
  readonly parent?: unknown;
}

type Related = readonly (readonly [Located | undefined, string])[];

type ReportContext = {
  report(descriptor: TSESLint.ReportDescriptor<string>): void;
  readonly sourceCode?: { readonly ast: TSESTree.Program };
  readonly cwd?: string;
  /** The rule's id (`cors-guard/no-origin-reflection`). */
  readonly id?: string;
};

/** Each rule's message templates, by context (to reword a report placed away from its node). */
const messagesOf = new WeakMap<object, Readonly<Record<string, string>>>();
/** Reports already made per rule context (helpers judged per call can repeat a finding). */
const reportedBy = new WeakMap<object, Set<string>>();

/** Called by `createRule` for every rule context. */
export function rememberMessages(context: object, messages: Readonly<Record<string, string>> | undefined): void {
  if (messages) messagesOf.set(context, messages);
}

function moduleOf(node: Located | undefined) {
  return node?.type && node.parent ? foreignModuleOf(node as TSESTree.Node) : undefined;
}

/** Reports with related locations (those not at the report's own location) attached. */
export function reportWithRelated<M extends string>(
  context: { report(descriptor: TSESLint.ReportDescriptor<M>): void },
  descriptor: TSESLint.ReportDescriptor<M>,
  related: Related = [],
  use?: Pick<Policy, 'credentials'>,
): void {
  const ctx = context as unknown as ReportContext;
  let d = descriptor as TSESLint.ReportDescriptor<M> & {
    node?: Located;
    loc?: TSESTree.SourceLocation | TSESTree.Position;
    message?: string;
    messageId?: M;
    data?: Record<string, unknown>;
  };
  const list: RelatedLocation[] = [];
  const elsewhere = moduleOf(d.node);
  if (elsewhere) {
    // The finding is in another module: report it where this file enters that module.
    const model = ctx.sourceCode ? fileModelOf(ctx.sourceCode.ast) : undefined;
    // One defect, one finding: when the other module's own lint reports it (or an ignore comment there
    // silences it), it is placed there, not at every use (analysis/placement.ts).
    const setting = use && 'kind' in use ? policySetting(use as Policy) : undefined;
    const setIn = setting ? moduleOf(setting) : undefined;
    if (
      model &&
      placementOf(
        d.node as TSESTree.Node,
        elsewhere,
        model,
        ctx.id,
        use?.credentials.allowed,
        setIn,
        use && 'kind' in use ? (use as Policy) : undefined,
      ) !== 'here'
    )
      return;
    // The local end of this finding: the helper call that led there, else the first related location in
    // this file (the `cors()` call or its `origin`), else where this file first entered the module.
    const found = model?.entries?.entryOf(d.node as TSESTree.Node);
    // Not the credentials: they are where cookies are allowed, not where the origin comes in.
    const credentialsAt = use?.credentials.allowed === true ? use.credentials.node : undefined;
    const localRelated = related.find(([n]) => n && n.type && !moduleOf(n) && n !== credentialsAt)?.[0] as
      TSESTree.Node | undefined;
    const entry = found?.precise ? found.node : (localRelated ?? found?.node);
    const template = d.messageId ? messagesOf.get(context)?.[d.messageId] : undefined;
    if (!entry || !template) return; // nowhere to place it: say nothing rather than point at the wrong code
    const where = displayPath(elsewhere.path, model?.modules?.root ?? ctx.cwd);
    const line = d.node!.loc.start.line;
    // The editor names the file of a related location itself: the message does not repeat it.
    list.push({ loc: d.node!.loc, file: elsewhere.path, message: 'The problem is here.' });
    const { messageId: _id, suggest: _s, fix: _f, loc: _l, ...rest } = d;
    void [_id, _s, _f, _l];
    d = { ...rest, node: entry, message: `In \`${where}\` (line ${line}): ${template}` } as never;
  } else if (d.suggest) {
    d = { ...d, suggest: d.suggest.map(localOnly) };
  }
  const own = d.loc && 'start' in d.loc ? d.loc : d.node?.loc;
  for (const [node, message] of related) {
    if (!node) continue;
    const m = moduleOf(node);
    if (!m && ((own && sameLoc(node.loc, own)) || list.some((r) => !r.file && sameLoc(r.loc, node.loc)))) continue;
    if (m && list.some((r) => r.file === m.path && sameLoc(r.loc, node.loc))) continue;
    list.push(m ? { loc: node.loc, message, file: m.path } : { loc: node.loc, message });
  }
  // One report per rule, place and message.
  const at = d.loc && 'start' in d.loc ? d.loc.start : d.loc && 'line' in d.loc ? d.loc : d.node?.loc.start;
  const key = `${at?.line}:${at?.column}:${d.messageId ?? d.message}:${JSON.stringify(d.data ?? {})}`;
  let seen = reportedBy.get(context);
  if (!seen) reportedBy.set(context, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  if (list.length > 0) {
    Object.defineProperty(d, RELATED, { value: list, enumerable: false });
    const file = (ctx as { physicalFilename?: string }).physicalFilename;
    if (file && at && ctx.id) {
      const registry = relatedRegistry();
      // Bounded: a long-lived process (the editor) never reads it; keep the most recent reports.
      if (registry.size > 20_000) registry.clear();
      registry.set(registryKey(file, at.line, at.column, ctx.id), list);
    }
  }
  context.report(d as TSESLint.ReportDescriptor<M>);
}

/** A suggestion whose fix touches a node of another module is dropped (its ranges are that file's). */
function localOnly<S extends { fix: TSESLint.ReportFixFunction }>(suggestion: S): S {
  const fix = suggestion.fix;
  return {
    ...suggestion,
    fix: (fixer: TSESLint.RuleFixer) => {
      let foreign = false;
      const guarded = new Proxy(fixer, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (moduleOf(args[0] as Located)) foreign = true;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const result = fix(guarded);
      return foreign ? null : result;
    },
  };
}

function sameLoc(a: TSESTree.SourceLocation, b: TSESTree.SourceLocation): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.column === b.start.column &&
    a.end.line === b.end.line &&
    a.end.column === b.end.column
  );
}

/** The related location "credentials are allowed here", if the policy sends them. */
export function credentialsRelated(policy: Policy): readonly [Located | undefined, string] {
  return [
    policy.credentials.allowed === true ? policy.credentials.node : undefined,
    "Credentials are allowed here, so the user's cookies go with the request.",
  ];
}

/** Where the policy sends Access-Control-Allow-Origin (header setters, or the library call). */
export function allowOriginRelated(policy: Policy): (readonly [Located | undefined, string])[] {
  if (policy.kind === 'options') {
    return [
      [policy.originProperty ?? policy.call, 'The origin this check accepts is allowed by this CORS configuration.'],
    ];
  }
  const out: (readonly [Located | undefined, string])[] = policy.headers
    .filter((h) => h.header === ACAO)
    .map((h) => [h.node, 'The origin this check accepts is sent back in Access-Control-Allow-Origin here.'] as const);
  if (policy.call) out.push([policy.call, 'The headers are set through this call.']);
  return out;
}

/** The callers of a helper judged where it lives (helpers.ts), each where it passes the request's Origin. */
export function callersRelated(policy: Policy): (readonly [Located | undefined, string])[] {
  return [
    ...(policy.helper?.callers ?? []).map((call) => [call, "Called here with the request's Origin."] as const),
    ...(policy.callers ?? []).map((call) => [call, 'Called here: the finding covers this call too.'] as const),
  ];
}
