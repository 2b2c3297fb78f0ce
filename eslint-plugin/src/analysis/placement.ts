/**
 * Where a finding is placed: one defect, one finding, at the place a developer edits to fix it (the
 * pattern, the options object, the setter in the helper). A file that uses a helper, a list or options
 * of another module sees that module's defects too; it reports them only when the module's own lint
 * cannot: the module is outside the lint (`node_modules`, outside the project root, a JSON module, or,
 * with issue 37's run scope, not among the files this run lints), or its own analysis does not find the
 * defect (this caller's arguments make a helper unsafe where its other callers keep it safe), or the
 * module's finding is uncredentialed while this use sends cookies. An ignore comment on the fix location
 * silences the defect for every use that is not more dangerous than the one it was written for.
 *
 * "What would the module's own lint find" is answered by the same analysis: the module is parsed as a
 * linted file and modelled (analyzeFile), once per module text and settings, within the module budgets.
 */
import { runCovers } from './run-scope';
import * as nodePath from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from './ast';
import { collectCandidates } from './candidates';
import { assessPolicy, unconditionalAdmissions } from './decide';
import { ACAO } from './headers/header-names';
import type { Policy } from './policy-types';
import { EXAMPLE_ATTACKER } from './checks/origins';
import { analyzeFile, type FileModel } from './model';
import { foreignModuleOf } from './values/locations';
import { specsOf } from './policy-types';
import { ModuleSession, parseAsLinted, SOURCE_EXTENSIONS, type LoadedModule } from './values/modules';
import { ignoreDirectivesInText, isIgnored } from './ignore-directives';

/** What a module's own lint judges, by source range (`start:end`) of the nodes it would report. */
export interface OwnJudgement {
  /** Range -> whether a policy judging it sends credentials (`true`), maybe, or not. */
  readonly facts: ReadonlyMap<string, boolean | 'unknown'>;
  /** The same for the origins any website gets in by (what no-origin-reflection reports). */
  readonly admissions: ReadonlyMap<string, boolean | 'unknown'>;
  /** Where each policy is set (its Allow-Origin setter or options) -> its verdict there (the map's entry). */
  readonly sites: ReadonlyMap<string, string>;
  /** The patterns of lists the module's own map lists as allowlists (`export const origins = [/…/]`). */
  readonly lists: ReadonlySet<string>;
  readonly text: string;
}

const LINTABLE = new Set<string>(SOURCE_EXTENSIONS);

/**
 * Whether the file holding a fix location is part of the lint, so its own finding is seen: inside the
 * project root, not in `node_modules`, a JavaScript or TypeScript source. (With issue 37's run scope this is
 * also where `runCovers(path) !== false` belongs: the one place placement asks which files are linted.)
 */
export function fixLocationLinted(path: string, root: string): boolean {
  const rel = nodePath.relative(root, path);
  if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel)) return false;
  if (rel.split(nodePath.sep).includes('node_modules')) return false;
  if (!LINTABLE.has(nodePath.extname(path).toLowerCase())) return false;
  // A run that visibly leaves the module out (`eslint server.js`, a pre-commit hook): the caller reports it.
  return runCovers(path) !== false;
}

/** A node's identity across modules: its file (`self` for the module judged) and source range. */
const rangeKey = (n: Node, self: string) => `${foreignModuleOf(n)?.path ?? self}:${n.range[0]}:${n.range[1]}`;

function note(
  facts: Map<string, boolean | 'unknown'>,
  node: Node | undefined,
  credentials: boolean | 'unknown',
  self: string,
) {
  if (!node) return;
  const key = rangeKey(node, self);
  const was = facts.get(key);
  // The most dangerous use wins: `true` over `'unknown'` over `false`.
  if (was === true || (was === 'unknown' && credentials === false)) return;
  facts.set(key, credentials);
}

/** The nodes a policy's findings are reported at, with its credentials. */
function factsOf(model: FileModel, self: string): Pick<OwnJudgement, 'facts' | 'admissions' | 'sites' | 'lists'> {
  const facts = new Map<string, boolean | 'unknown'>();
  const admissions = new Map<string, boolean | 'unknown'>();
  const sites = new Map<string, string>();
  const lists = new Set<string>();
  const read = nodesJudgedByPolicies(model);
  for (const policy of model.policies) {
    if (policy.kind === 'allowlist' && !listJudgedElsewhere(policy, read)) {
      for (const spec of specsOf(policy)) if (spec.type === 'regexp') lists.add(rangeKey(spec.node, self));
    }
    const c = policy.credentials.allowed;
    const site = policySetting(policy);
    if (site) sites.set(rangeKey(site, self), verdictKey(policy, model.trustedOrigins));
    for (const a of unconditionalAdmissions(policy)) {
      note(facts, (a.member ?? a.spec).node, c, self);
      note(admissions, (a.member ?? a.spec).node, c, self);
    }
    for (const spec of specsOf(policy)) if (spec.type !== 'unknown') note(facts, spec.node, c, self);
  }
  for (const { check, policies } of model.originChecks) {
    // Only a check its own lint finds unsafe (a factory's check on a list its callers pass is judged
    // at each caller, where the list is known).
    const unsafe = check.verdict.kind === 'unsafe' || check.matcher?.verify(EXAMPLE_ATTACKER) === true;
    if (!unsafe || policies.length === 0) continue;
    const c = policies.some((p) => p.credentials.allowed === true)
      ? true
      : policies.some((p) => p.credentials.allowed === 'unknown')
        ? 'unknown'
        : false;
    note(facts, check.node, c, self);
    if (check.kind === 'regex' && check.patternNode) note(facts, check.patternNode, c, self);
    if (check.kind === 'string') note(facts, check.methodNode, c, self);
  }
  return { facts, admissions, sites, lists };
}

/** The pattern nodes the model's real policies (not its stand-in allowlists) judge. */
export function nodesJudgedByPolicies(model: FileModel): ReadonlySet<Node> {
  const out = new Set<Node>();
  for (const policy of model.policies) {
    if (policy.kind === 'allowlist') continue;
    for (const spec of specsOf(policy)) out.add(spec.node);
  }
  for (const { check, policies } of model.originChecks) {
    if (!policies.some((p) => p.kind !== 'allowlist')) continue;
    out.add(check.node);
    if (check.kind === 'regex' && check.patternNode) out.add(check.patternNode);
  }
  return out;
}

/**
 * Whether an allowlist the model lists as a stand-in (a list defined but not read in its file) is judged
 * by a real policy of the same model (a helper of the file checks it, bound to what its callers pass):
 * the policy's entry is then the one entry of that defect.
 */
export function listJudgedElsewhere(policy: Policy, judged: ReadonlySet<Node>): boolean {
  const members = specsOf(policy).filter((s) => s.type === 'regexp');
  return members.length > 0 && members.every((s) => judged.has(s.node));
}

/**
 * Whether an unsafe policy of the linted file's model owes every unsafe check to a list that another
 * module's own map lists as an allowlist (`origins.js` exports the list, a helper elsewhere checks it):
 * the defect is listed there, at its fix location, once.
 */
export function listedWithList(policy: Policy, model: FileModel): boolean {
  const root = model.modules?.root;
  if (!root) return false;
  let any = false;
  for (const { check, policies } of model.originChecks) {
    if (!policies.includes(policy)) continue;
    const unsafe = check.verdict.kind === 'unsafe' || check.matcher?.verify(EXAMPLE_ATTACKER) === true;
    if (!unsafe) continue;
    const node = (check.kind === 'regex' && check.patternNode) || check.node;
    const module = foreignModuleOf(node);
    if (!module || !fixLocationLinted(module.path, root)) return false;
    const own = ownJudgementOf(module, model);
    if (!own?.lists.has(rangeKey(node, module.path)) && !own?.lists.has(rangeKey(check.node, module.path)))
      return false;
    any = true;
  }
  return any;
}

/** Where a policy is set: its Allow-Origin setter, or its options (the `origin` property). */
export function policySetting(policy: Policy): Node | undefined {
  if (policy.kind === 'options') return policy.originProperty ?? policy.options;
  return policy.headers.find((h) => h.header === ACAO)?.node;
}

/** A policy's verdict and credentials, to tell whether two models judge a setting alike. */
export function verdictKey(policy: Policy, trustedOrigins: readonly string[]): string {
  const a = assessPolicy(policy, trustedOrigins);
  return `${a.level}:${a.witness ?? ''}:${String(policy.credentials.allowed)}`;
}

const cache = new Map<string, { readonly stamp: string; readonly judgement: OwnJudgement | null }>();
const CACHE_ENTRIES = 200;

/**
 * What `module`'s own lint judges (its file parsed and modelled as the linted file), with the settings of
 * the lint asking (`like`); null when it cannot be read or modelled.
 */
export function ownJudgementOf(module: LoadedModule, like: FileModel): OwnJudgement | null {
  const session = like.modules;
  if (!session) return null;
  const stamp = `${session.fs.stat(module.path)?.stamp ?? module.text.length}|${session.root}|${like.trustedOrigins.join(',')}`;
  const hit = cache.get(module.path);
  if (hit?.stamp === stamp) return hit.judgement;
  let judgement: OwnJudgement | null = null;
  const own = new ModuleSession(module.path, session.root, session.parse, session.fs);
  const parsed = parseAsLinted(module.path, own);
  if (parsed) {
    const candidates = collectCandidates(parsed.program);
    const model = analyzeFile({
      program: parsed.program,
      globalScope: parsed.globalScope,
      ...candidates,
      trustedOrigins: like.trustedOrigins,
      modules: own,
      getScope: (node) => parsed.getScope(node),
      text: (node) => parsed.text.slice(node.range[0], node.range[1]),
    });
    if (!model.error) judgement = { ...factsOf(model, module.path), text: parsed.text };
  }
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(module.path, { stamp, judgement });
  return judgement;
}

/** How a use of another module's defect is placed: `fix-location` (reported or silenced there), else `here`. */
export type Placement = 'fix-location' | 'here';

/**
 * Where the finding of rule `rule` at `node` (in `module`, another module than the linted file) goes, for
 * a use with `credentials`: at the fix location when that module's own lint reports it, or an ignore
 * comment there silences it, for a use at least as dangerous as this one; else here, in the linted file.
 * The identity of a defect is its node (the fix location) and what it lets in, whoever's lint reports it:
 * when the policy is set in a third module (`setIn`: a helper that checks the Origin against a list its
 * callers pass), that module's own lint reporting the same node counts too, so the callers say nothing.
 */
export function placementOf(
  node: TSESTree.Node,
  module: LoadedModule,
  model: FileModel,
  rule: string | undefined,
  credentials: boolean | 'unknown' | undefined,
  setIn?: LoadedModule,
  use?: Policy,
): Placement {
  // What this use lets in at the node: any website (a consumer that reads shared options its own way,
  // `@koa/cors` answering `*` with credentials by reflection), where the module's own lint may see less.
  const admits = !!use && unconditionalAdmissions(use).some((a) => (a.member ?? a.spec).node === node);
  const here = judgedAt(node, module, module, model, rule, credentials, admits);
  if (here !== 'here' || !setIn || setIn.path === module.path) return here;
  return judgedAt(node, module, setIn, model, rule, credentials, admits);
}

/** Whether `judge`'s own lint reports (or an ignore there silences) the finding at `node` of `module`. */
function judgedAt(
  node: TSESTree.Node,
  module: LoadedModule,
  judge: LoadedModule,
  model: FileModel,
  rule: string | undefined,
  credentials: boolean | 'unknown' | undefined,
  admits: boolean,
): Placement {
  const root = model.modules?.root;
  if (!root || !fixLocationLinted(judge.path, root)) return 'here';
  const own = ownJudgementOf(judge, model);
  if (!own) return 'here';
  // The consequences compared, not only the place: a use that lets any website in where the module's own
  // finding says less (browsers reject what it sends) is a finding of its own, the stronger one.
  const admitted = own.admissions.get(rangeKey(node, module.path));
  if (admits && (admitted === undefined || (credentials === true && admitted === false))) return 'here';
  // A reflection is the module's own finding only where it lets any website in there.
  const there = (rule?.endsWith('no-origin-reflection') ? own.admissions : own.facts).get(rangeKey(node, module.path));
  // Judged there for a use without cookies while this one sends them: this use is a finding of its own,
  // which no ignore written for the cookie-less one hides. (A use there whose credentials are not known
  // is said to go "with cookies if credentials are on": it covers this one.)
  if (credentials === true && there === false) return 'here';
  if (rule && judge === module && ignoredAtFixLocation(node, own.text, rule)) return 'fix-location';
  return there === undefined ? 'here' : 'fix-location';
}

/**
 * Whether a policy of the linted file's model, set in `module`, is the policy that module's own lint
 * lists where it is set (the map lists it there, once, with its callers): the same verdict, or this use is
 * no finding.
 */
export function listedAtSetting(policy: Policy, module: LoadedModule, model: FileModel): boolean {
  const root = model.modules?.root;
  const site = policySetting(policy);
  if (!root || !site || !fixLocationLinted(module.path, root)) return false;
  const there = ownJudgementOf(module, model)?.sites.get(rangeKey(site, module.path));
  if (there === undefined) return false;
  // Listed here too only when this use is a finding the setting's own entry does not show (this caller's
  // arguments make it unsafe, or unsafe another way).
  const mine = verdictKey(policy, model.trustedOrigins);
  return there === mine || !/^(unsafe|broken):/.test(mine);
}

/** Whether an ignore comment at the fix location (`node`, in a module of text `text`) covers `rule`. */
function ignoredAtFixLocation(node: TSESTree.Node, text: string, rule: string): boolean {
  if (!text.includes('cors-guard-ignore') && !text.includes('eslint-disable')) return false;
  return isIgnored(ignoreDirectivesInText(text), rule.replace(/^cors-guard\//, ''), node.loc.start.line);
}
