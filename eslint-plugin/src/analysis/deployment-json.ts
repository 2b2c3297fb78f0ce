/**
 * Deployment JSON (`vercel.json`, `firebase.json`, see sites/deployment-files.ts) in the one model: the
 * document's header rules are rewritten as the ESTree shape a Next.js `headers()` returns
 * (`[{ source, headers: [{ key, value }] }]`), with the JSON's own locations, and judged by the same
 * header-policy builder and `decide()` as code. The JSON tree comes from ESLint's JSON language (Momoa),
 * read here through the few fields every JSON tree has; nothing here depends on ESLint.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { stringLiteralValue, type Node } from './ast';
import { canonicalHeaderName } from './headers/header-names';
import { analyzeFile, emptyModel, type FileModel } from './model';
import { deploymentFileOf, type DeploymentFile } from './sites/deployment-files';

/** A position as the JSON parser gives it (ESLint's JSON language counts columns from 1). */
interface JsonPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** The fields of a JSON tree's nodes this module reads (Momoa's, as ESLint's JSON language parses). */
export interface JsonNode {
  readonly type: string;
  readonly loc: { readonly start: JsonPosition; readonly end: JsonPosition };
  /** Document */
  readonly body?: JsonNode;
  /** Object */
  readonly members?: readonly JsonNode[];
  /** Member */
  readonly name?: JsonNode;
  readonly value?: JsonNode | string | number | boolean | null;
  /** Array */
  readonly elements?: readonly JsonNode[];
}

/** Bounds on a document: deployment files are small; anything larger is not read. */
const MAX_JSON_NODES = 20_000;

/** One route's header rule: where it is, its pattern and the policy its headers set. */
export interface DeploymentRoute {
  readonly platform: string;
  /** `source`, `glob` or `regex`, and its value. */
  readonly routeKey?: string;
  readonly route?: string;
  /** The rule's `headers` list (the policy's node). */
  readonly headers: Node;
}

export interface DeploymentModel {
  readonly model: FileModel;
  readonly file?: DeploymentFile;
  readonly routes: readonly DeploymentRoute[];
}

/**
 * The model of a deployment JSON file: one header policy per route rule that sets a CORS header. Any
 * other JSON file, or one too large, has an empty model.
 */
export function analyzeDeploymentJson(
  document: JsonNode,
  filename: string,
  text: string,
  trustedOrigins: readonly string[] = [],
): DeploymentModel {
  const file = deploymentFileOf(filename);
  if (!file || !document.body) return { model: emptyModel(trustedOrigins), routes: [] };
  const converter = new EstreeOfJson();
  const body = converter.convert(document.body);
  if (!body) return { model: emptyModel(trustedOrigins), routes: [] };
  const program = converter.program(body, document, text.length);
  const rules = ruleLists(body, file);
  const routes: DeploymentRoute[] = [];
  const headerNames: Node[] = [];
  for (const rule of rules) {
    const headers = propertyValue(rule, 'headers');
    if (headers?.type !== T.ArrayExpression) continue;
    let cors = false;
    for (const entry of headers.elements) {
      if (entry?.type !== T.ObjectExpression) continue;
      const key = propertyValue(entry, 'key');
      const name = stringLiteralValue(key);
      if (key && name !== undefined && canonicalHeaderName(name)) {
        headerNames.push(key);
        cors = true;
      }
    }
    if (!cors) continue;
    const routeKey = file.routeKeys.find((k) => stringLiteralValue(propertyValue(rule, k)) !== undefined);
    const route = routeKey ? stringLiteralValue(propertyValue(rule, routeKey)) : undefined;
    routes.push({ platform: file.platform, headers, ...(routeKey ? { routeKey } : {}), ...(route ? { route } : {}) });
  }
  if (headerNames.length === 0) return { model: emptyModel(trustedOrigins), file, routes: [] };
  const model = analyzeFile({
    program,
    globalScope: null,
    headerNames,
    shapeCalls: [],
    trustedOrigins,
    // A JSON document has no identifiers: nothing asks for a scope.
    getScope: () => {
      throw new Error('no scope in a JSON document');
    },
    text: (node) => text.slice(node.range[0], node.range[1]),
  });
  // Only the rule lists' headers are the platform's: a `{ key, value }` elsewhere in the file is data.
  const byList = new Map<Node, DeploymentRoute>(routes.map((r) => [r.headers, r]));
  const policies = model.policies.flatMap((p) => {
    const route = byList.get(p.node);
    return route ? [{ ...p, platformNote: routeNote(file, route) }] : [];
  });
  return { model: { ...model, policies, originChecks: [] }, file, routes };
}

/** What the platform does with a route's headers, in a sentence. */
function routeNote(file: DeploymentFile, route: DeploymentRoute): string {
  const where = route.route !== undefined ? ` on \`${route.route}\`` : '';
  const override = file.overriddenBy ? `; ${file.overriddenBy} on the same route override them` : '';
  return `${file.platform} sends these headers${where}${override}.`;
}

/** The value of an object's property, by its (string) key. */
function propertyValue(obj: TSESTree.ObjectExpression, key: string): Node | undefined {
  let found: Node | undefined;
  for (const p of obj.properties) {
    if (p.type === T.Property && p.key.type === T.Literal && p.key.value === key) found = p.value;
  }
  return found;
}

/** The header rule objects of a document, following the row's paths. */
function ruleLists(body: Node, file: DeploymentFile): TSESTree.ObjectExpression[] {
  const out: TSESTree.ObjectExpression[] = [];
  for (const path of file.rulePaths) {
    let current: Node[] = [body];
    for (const step of path) {
      const next: Node[] = [];
      for (const n of current) {
        if (step === '*') {
          if (n.type === T.ArrayExpression) for (const e of n.elements) if (e) next.push(e);
        } else if (n.type === T.ObjectExpression) {
          const v = propertyValue(n, step);
          if (v) next.push(v);
        }
      }
      current = next;
    }
    for (const list of current) {
      if (list.type !== T.ArrayExpression) continue;
      for (const rule of list.elements) if (rule?.type === T.ObjectExpression) out.push(rule);
    }
  }
  return out;
}

type Mutable<N> = { -readonly [K in keyof N]: N[K] };

/**
 * Rewrites a JSON tree as ESTree expressions (objects, arrays, literals) with the JSON's locations and
 * parent links, bounded by `MAX_JSON_NODES`.
 */
class EstreeOfJson {
  private count = 0;

  convert(n: JsonNode): TSESTree.Expression | undefined {
    if (++this.count > MAX_JSON_NODES) return undefined;
    const where = { loc: locOf(n), range: [n.loc.start.offset, n.loc.end.offset] as [number, number] };
    switch (n.type) {
      case 'Object': {
        const obj = {
          type: T.ObjectExpression,
          properties: [],
          ...where,
        } as unknown as Mutable<TSESTree.ObjectExpression>;
        for (const m of n.members ?? []) {
          const name = m.name;
          const value = typeof m.value === 'object' && m.value !== null ? this.convert(m.value) : undefined;
          if (!name || !value) return undefined;
          const key = this.literal(name, typeof name.value === 'string' ? name.value : String(name.value));
          const prop = {
            type: T.Property,
            key,
            value,
            kind: 'init',
            computed: false,
            method: false,
            shorthand: false,
            optional: false,
            loc: locOf(m),
            range: [m.loc.start.offset, m.loc.end.offset],
            parent: obj,
          } as unknown as TSESTree.Property;
          setParent(key, prop);
          setParent(value, prop);
          obj.properties.push(prop);
        }
        return obj;
      }
      case 'Array': {
        const arr = { type: T.ArrayExpression, elements: [], ...where } as unknown as Mutable<TSESTree.ArrayExpression>;
        for (const e of n.elements ?? []) {
          const inner = typeof e.value === 'object' && e.value !== null ? this.convert(e.value) : undefined;
          if (!inner) return undefined;
          setParent(inner, arr);
          (arr.elements as TSESTree.Expression[]).push(inner);
        }
        return arr;
      }
      case 'String':
      case 'Number':
      case 'Boolean':
        return this.literal(n, n.value as string | number | boolean);
      case 'Null':
        return this.literal(n, null);
      default:
        // JSON5 / JSONC extras (Infinity, NaN, identifiers): not a header value CORS Guard can read.
        return { type: T.Identifier, name: 'undefined', ...where } as unknown as TSESTree.Identifier;
    }
  }

  private literal(n: JsonNode, value: string | number | boolean | null): TSESTree.Literal {
    return {
      type: T.Literal,
      value,
      raw: JSON.stringify(value),
      loc: locOf(n),
      range: [n.loc.start.offset, n.loc.end.offset],
    } as unknown as TSESTree.Literal;
  }

  program(body: TSESTree.Expression, document: JsonNode, length: number): TSESTree.Program {
    const statement = {
      type: T.ExpressionStatement,
      expression: body,
      loc: body.loc,
      range: body.range,
    } as unknown as TSESTree.ExpressionStatement;
    setParent(body, statement);
    const program = {
      type: T.Program,
      body: [statement],
      sourceType: 'module',
      comments: [],
      tokens: [],
      loc: locOf(document),
      range: [0, length],
    } as unknown as TSESTree.Program;
    setParent(statement, program);
    return program;
  }
}

function locOf(n: JsonNode): TSESTree.SourceLocation {
  return {
    start: { line: n.loc.start.line, column: n.loc.start.column },
    end: { line: n.loc.end.line, column: n.loc.end.column },
  };
}

function setParent(child: Node, parent: Node): void {
  (child as { parent?: Node }).parent = parent;
}
