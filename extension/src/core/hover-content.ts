/**
 * Hovers in JavaScript and TypeScript, from the file model the lint built: a header name, a header value
 * (decoded, or "reflects the request's Origin" with its guard), and a CORS configuration (the responses
 * it produces and a verdict). No `vscode`: returns Markdown and a character range.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  decodeHeaderValue,
  explainPolicy,
  headerFacts,
  unconditionalAdmissions,
  stringLiteralValue,
  type FileModel,
  type Node,
  type Policy,
  type PolicyExplanation,
} from '../../../eslint-plugin/src/analysis';
import { foreignModuleOf } from '../../../eslint-plugin/src/analysis/values/locations';
import { decodedMarkdown, headerNameMarkdown, policyMarkdown } from './explain-markdown';

export interface HoverAnswer {
  readonly markdown: string;
  /** Character offsets of the hovered element. */
  readonly range: readonly [number, number];
  /** The policy's verdict in one sentence (for the compact hover on a finding). */
  readonly verdict?: string;
}

interface SourceLike {
  getNodeByRangeIndex(index: number): TSESTree.Node | null;
  getText(node: TSESTree.Node): string;
}

function contains(node: { range: readonly [number, number] }, offset: number): boolean {
  return node.range[0] <= offset && offset <= node.range[1];
}

export function hoverAt(source: SourceLike, model: FileModel | undefined, offset: number): HoverAnswer | undefined {
  let node = source.getNodeByRangeIndex(offset);
  if (!node) return undefined;
  // Inside a template literal the innermost node is its quasi.
  if (node.type === 'TemplateElement' && node.parent) node = node.parent;
  // Policies set in another module (an imported helper or options object) have that module's ranges.
  const policies = model && !model.error ? model.policies.filter((p) => !foreignModuleOf(p.node)) : [];

  // A header value in a setter call or headers object.
  for (const policy of policies) {
    for (const site of policy.headers) {
      if (!site.value || !contains(site.value, offset)) continue;
      const explained = explainPolicy(policy, model!.trustedOrigins);
      return {
        markdown: headerValueMarkdown(policy, explained, site.header, site.value, source),
        range: site.value.range,
        verdict: explained.verdict,
      };
    }
  }

  // A header name: a string literal, or an object key (`Vary:`).
  const name =
    stringLiteralValue(node) ??
    (node.type === 'Identifier' && node.parent?.type === 'Property' && node.parent.key === node
      ? node.name
      : undefined);
  const facts = name !== undefined ? headerFacts(name) : undefined;
  if (facts) {
    const policy = policies.find((p) => p.headers.some((h) => contains(h.nameNode, offset)));
    const explained = policy && model ? explainPolicy(policy, model.trustedOrigins) : undefined;
    // The verdict first, then the header's reference.
    const parts = explained ? [policyMarkdown(explained), headerNameMarkdown(facts)] : [headerNameMarkdown(facts)];
    return {
      markdown: parts.join('\n\n---\n\n'),
      range: node.range,
      ...(explained ? { verdict: explained.verdict } : {}),
    };
  }

  // A CORS configuration: the library call or its options (also options imported from another module,
  // which are judged there: `app.use(cors(corsOptions))`).
  const elsewhere = model && !model.error ? (model.judgedElsewhere ?? []) : [];
  const configuration = [...policies, ...elsewhere]
    .filter((p) => p.kind === 'options' && p.call && !foreignModuleOf(p.call) && contains(p.call, offset))
    .sort((a, b) => width(a.call!) - width(b.call!))[0];
  if (configuration && model) {
    const explained = explainPolicy(configuration, model.trustedOrigins);
    const from = configuration.options ? foreignModuleOf(configuration.options) : undefined;
    const note = from
      ? `\n\n*The options come from \`${displayName(from.path)}\`, where CORS Guard reports them and the fix goes.*`
      : '';
    return {
      markdown: policyMarkdown(explained) + note,
      range: configuration.call!.range,
      verdict: explained.verdict,
    };
  }
  return undefined;
}

/** A module's file name for a hover: the last two path segments (`src/config.js`). */
function displayName(file: string): string {
  return file.split(/[\\/]/).slice(-2).join('/');
}

function width(n: Node): number {
  return n.range[1] - n.range[0];
}

function headerValueMarkdown(
  policy: Policy,
  explained: PolicyExplanation,
  header: string,
  value: Node,
  source: SourceLike,
): string {
  const credentials = policy.credentials.allowed === true;
  const literal = policy.headers.find((h) => h.value === value)?.literal;
  const parts: string[] = [];
  if (literal !== undefined) {
    const decoded = decodeHeaderValue(header, literal, { credentials });
    if (decoded) parts.push(decodedMarkdown(decoded));
  } else if (header === 'access-control-allow-origin') {
    const spec = policy.origins.find((s) => s.node === value || contains(s.node, value.range[0]));
    const facts = headerFacts(header)!;
    if (spec?.type === 'reflect') {
      // The same question the reflection rule asks: does an origin any site can send get through unchecked?
      const unchecked = unconditionalAdmissions(policy).some((a) => a.spec === spec);
      const guard = unchecked
        ? spec.guard.strength === 'useless' && spec.guard.decisive[0]
          ? `guarded only by \`${textOf(source, spec.guard.decisive[0]!.node)}\`, which every origin passes`
          : 'with no check guarding it'
        : `guarded by ${spec.guard.strength === 'exact' ? 'an exact allowlist check' : `${/^[aeiou]/.test(spec.guard.strength) ? 'an' : 'a'} ${spec.guard.strength} check`} (\`${textOf(source, spec.guard.decisive[0]!.node).slice(0, 80)}\`)`;
      parts.push(
        `**\`${facts.name}\`** reflects the request's Origin (\`${spec.what}\`), ${guard}.\n\n[MDN: ${facts.name}](${facts.mdn})`,
      );
    } else {
      parts.push(`**\`${facts.name}\`**: a value computed at run time.`);
    }
  } else {
    const facts = headerFacts(header);
    if (facts) parts.push(`**\`${facts.name}\`**: a value computed at run time.\n\n${facts.values}`);
  }
  // The verdict first, then the decoded value.
  parts.unshift(policyMarkdown(explained));
  return parts.join('\n\n---\n\n');
}

/** A node's text, from the module it is in (an imported check guarding a local header). */
function textOf(source: { getText(node: TSESTree.Node): string }, node: TSESTree.Node): string {
  const m = foreignModuleOf(node);
  return m ? m.text.slice(node.range[0], node.range[1]) : source.getText(node);
}
