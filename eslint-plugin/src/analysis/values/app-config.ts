/**
 * Settings a framework loads from JSON files by convention and hands out by key at run time: Feathers'
 * `app.configure(configuration())` (@feathersjs/configuration, on node-config) makes `app.get('origins')` the
 * `origins` of `config/default.json`, overridden per environment by `config/<NODE_ENV>.json` (generated apps
 * pass it to `socketio({ cors: { origin: app.get('origins') } })`). Each file's value is one possibility.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import * as nodePath from 'node:path';
import { unwrap, type Node } from '../ast';
import { cjsExportsOf } from './syntax';
import type { ModuleLinks } from './value';

/** The package whose import (with `app.configure(...)`) marks the file as a Feathers app with config files. */
const CONFIGURATION_PACKAGE = '@feathersjs/configuration';
/** The files node-config reads: the defaults, then the environments apps ship. */
const CONFIG_FILES = ['default.json', 'production.json', 'development.json'];
/** How far up from the linted file the `config` folder is looked for (src/app.ts -> project root). */
const MAX_LEVELS = 4;

const marked = new WeakMap<TSESTree.Program, boolean>();

/** Whether the program imports or requires @feathersjs/configuration. */
function importsConfiguration(program: TSESTree.Program): boolean {
  const hit = marked.get(program);
  if (hit !== undefined) return hit;
  let found = false;
  for (const stmt of program.body) {
    if (stmt.type === T.ImportDeclaration && stmt.source.value === CONFIGURATION_PACKAGE) found = true;
    if (stmt.type === T.VariableDeclaration)
      for (const d of stmt.declarations) {
        const init = d.init ? unwrap(d.init) : undefined;
        if (
          init?.type === T.CallExpression &&
          init.callee.type === T.Identifier &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === T.Literal &&
          init.arguments[0].value === CONFIGURATION_PACKAGE
        )
          found = true;
      }
  }
  marked.set(program, found);
  return found;
}

function programOf(node: Node): TSESTree.Program | undefined {
  let at: Node | undefined = node;
  while (at && at.type !== T.Program) at = at.parent;
  return at as TSESTree.Program | undefined;
}

/**
 * The nodes `app.get(key)` may evaluate to: the key's value in each config file found (as the JSON module's
 * property), or undefined when the call is not a config read of a Feathers app or no file holds the key.
 */
export function appConfigNodes(call: TSESTree.CallExpression, key: string, modules: ModuleLinks): Node[] | undefined {
  if (call.arguments.length !== 1 || key === '' || key.startsWith('/')) return undefined;
  const program = programOf(call);
  if (!program || !importsConfiguration(program)) return undefined;
  let dir = nodePath.dirname(modules.session.linted);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const out: Node[] = [];
    let anyFile = false;
    for (const name of CONFIG_FILES) {
      const data = modules.session.loadData(nodePath.join(dir, 'config', name));
      const root = data ? cjsExportsOf(data.program) : undefined;
      if (!data || root?.type !== T.ObjectExpression) continue;
      anyFile = true;
      modules.entries.note(data, call);
      for (const p of root.properties) {
        if (p.type !== T.Property || p.computed) continue;
        const name = p.key.type === T.Literal ? p.key.value : p.key.type === T.Identifier ? p.key.name : undefined;
        if (name === key) out.push(p.value as Node);
      }
    }
    if (anyFile) return out.length > 0 ? out : undefined;
    const parent = nodePath.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
