/**
 * Values that come from other modules: imported bindings, `require()`, re-exports, and installed packages
 * reached through the project's own modules. Bounded by the resolver's step budget and depth.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { isFunction, memberName, stringLiteralValue, type Node } from '../ast';
import { VALUE_BUDGET } from '../budgets';
import { foreignModuleOf } from './locations';
import type { LoadedModule } from './modules';
import { cjsExportsOf, exportName, isBarePackage, isExportsObject } from './syntax';
import { unknown, type Evaluator, type Value } from './value';

const MAX_DEPTH = VALUE_BUDGET.maxDepth;

let isLibraryPackage: (name: string) => boolean = () => false;
/** Which packages become `package` values (set once by the model: the framework table's libraries). */
export function setLibraryPackageTest(test: (name: string) => boolean): void {
  isLibraryPackage = test;
}

export class ModuleExports {
  private readonly exportsMemo = new Map<string, readonly Value[] | undefined>();
  private readonly activeExports = new Set<string>();

  constructor(private readonly r: Evaluator) {}

  /**
   * An installed package a specifier names, as a value, when it is one the analysis knows (a CORS library,
   * or a package named like one): what lets `const cors = require('./lib/cors')` be the `cors` package.
   */
  packageAt(specifier: Node, path: readonly string[], at: Node): Value | undefined {
    const spec = stringLiteralValue(specifier);
    if (spec === undefined || !this.r.modules || !isBarePackage(spec) || !isLibraryPackage(spec)) return undefined;
    return { kind: 'package', name: spec, path, node: at, sites: [at] };
  }

  /** The module a specifier (a string literal) names, loaded within the lint's bounds. */
  moduleFrom(specifier: Node, from: Node): LoadedModule | undefined {
    if (!this.r.modules) return undefined;
    const spec = stringLiteralValue(specifier);
    if (spec === undefined) return undefined;
    const fromPath = foreignModuleOf(from)?.path ?? this.r.modules.session.linted;
    const m = this.r.modules.session.load(spec, fromPath);
    if (m) this.r.modules.entries.note(m, from);
    return m;
  }

  /** An imported binding: the export it names in the module it comes from. */
  importBinding(spec: Node, at: Node, d: number): readonly Value[] {
    // import options = require('./cors-options')
    if (spec.type === T.TSImportEqualsDeclaration) {
      const ref = spec.moduleReference;
      if (ref.type !== T.TSExternalModuleReference || spec.importKind === 'type') return [unknown(at)];
      const m = this.moduleFrom(ref.expression, at);
      return m ? this.moduleExports(m, d, at) : [unknown(at)];
    }
    const decl = spec.parent;
    if (decl?.type !== T.ImportDeclaration || decl.importKind === 'type') return [unknown(at)];
    if (spec.type === T.ImportSpecifier && spec.importKind === 'type') return [unknown(at)];
    const m = this.moduleFrom(decl.source, at);
    const name = spec.type === T.ImportSpecifier ? exportName(spec.imported) : 'default';
    if (!m) {
      // import cors from 'cors' is what require() gives; import { x } is its property x.
      const path = spec.type === T.ImportNamespaceSpecifier ? ['*'] : name === 'default' ? [] : [name];
      const pkg = this.packageAt(decl.source, path, at);
      return pkg ? [pkg] : [unknown(at)];
    }
    if (spec.type === T.ImportNamespaceSpecifier) return [{ kind: 'module', module: m, node: at, sites: [at] }];
    return this.exportOf(m, name, d, at);
  }

  /** What `require()` of a module gives: `module.exports` if assigned, else its exports as a namespace. */
  moduleExports(m: LoadedModule, d: number, at: Node): readonly Value[] {
    const assigned = cjsExportsOf(m.program);
    if (assigned) return this.r.resolve(assigned, undefined, d);
    return [{ kind: 'module', module: m, node: at, sites: [at] }];
  }

  /** The value(s) a module exports under `name` (ES exports, `module.exports`, `exports.x`, re-exports). */
  exportOf(m: LoadedModule, name: string, d: number, at: Node): readonly Value[] {
    const key = `${m.path}\0${name}`;
    if (this.exportsMemo.has(key)) return this.exportsMemo.get(key) ?? [unknown(at)];
    if (this.activeExports.has(key) || d > MAX_DEPTH || !this.r.spend()) return [unknown(at)];
    this.activeExports.add(key);
    let result: readonly Value[] | undefined;
    try {
      result = this.exportUncached(m, name, d + 1);
    } finally {
      this.activeExports.delete(key);
    }
    this.exportsMemo.set(key, result);
    return result ?? [unknown(at)];
  }

  private exportUncached(m: LoadedModule, name: string, d: number): readonly Value[] | undefined {
    const stars: TSESTree.ExportAllDeclaration[] = [];
    let cjsProperty: Node | undefined;
    let esmDefault = false;
    for (const stmt of m.program.body) {
      switch (stmt.type) {
        case T.ExportNamedDeclaration: {
          if (stmt.exportKind === 'type') break;
          const decl = stmt.declaration;
          if (decl?.type === T.VariableDeclaration) {
            for (const dd of decl.declarations) {
              if (dd.id.type === T.Identifier && dd.id.name === name) return this.r.resolve(dd.id, undefined, d);
            }
          } else if (decl?.type === T.FunctionDeclaration && decl.id?.name === name) {
            return [{ kind: 'function', node: decl, sites: [decl], fn: decl }];
          } else if (decl?.type === T.ClassDeclaration && decl.id?.name === name) {
            return [{ kind: 'class', declaration: decl, node: decl, sites: [decl] }];
          }
          for (const s of stmt.specifiers) {
            if (s.type !== T.ExportSpecifier || exportName(s.exported) !== name) continue;
            if (stmt.source) {
              const sub = this.moduleFrom(stmt.source, s);
              if (sub) return this.exportOf(sub, exportName(s.local), d, s);
              // export { default as cors } from 'cors'
              const local = exportName(s.local);
              const pkg = this.packageAt(stmt.source, local === 'default' ? [] : [local], s);
              return pkg ? [pkg] : [unknown(s)];
            }
            return this.r.resolve(s.local, undefined, d);
          }
          break;
        }
        case T.ExportDefaultDeclaration: {
          esmDefault = true;
          if (name !== 'default') break;
          const decl = stmt.declaration as Node;
          if (isFunction(decl)) return [{ kind: 'function', node: decl, sites: [decl], fn: decl }];
          if (decl.type === T.ClassDeclaration)
            return [{ kind: 'class', declaration: decl, node: decl, sites: [decl] }];
          return this.r.resolve(decl, undefined, d);
        }
        case T.ExportAllDeclaration:
          if (stmt.exportKind === 'type') break;
          if (stmt.exported) {
            if (exportName(stmt.exported) === name) {
              const sub = this.moduleFrom(stmt.source, stmt);
              return sub ? [{ kind: 'module', module: sub, node: stmt, sites: [stmt] }] : [unknown(stmt)];
            }
          } else if (name !== 'default') {
            stars.push(stmt);
          }
          break;
        case T.ExpressionStatement: {
          // exports.corsOptions = ..., module.exports.corsOptions = ...
          const e = stmt.expression;
          if (e.type !== T.AssignmentExpression || e.operator !== '=' || e.left.type !== T.MemberExpression) break;
          const target = e.left;
          if (memberName(target) === name && isExportsObject(target.object)) cjsProperty = e.right;
          break;
        }
        default:
          break;
      }
    }
    if (cjsProperty) return this.r.resolve(cjsProperty, undefined, d);
    const assigned = cjsExportsOf(m.program);
    if (assigned) {
      const whole = this.r.resolve(assigned, undefined, d);
      if (name === 'default') return whole;
      const out: Value[] = [];
      for (const v of whole) out.push(...this.r.property(v, name, undefined, d, assigned));
      return out;
    }
    if (name === 'default' && !esmDefault) {
      // `import x from './cjs-with-exports-dot-x'`: the exports object
      return [{ kind: 'module', module: m, node: m.program, sites: [m.program] }];
    }
    for (const star of stars) {
      const sub = this.moduleFrom(star.source, star);
      if (!sub) continue;
      const key = `${sub.path}\0${name}`;
      const found = this.exportOf(sub, name, d, star);
      if (this.exportsMemo.get(key) !== undefined) return found;
    }
    return undefined;
  }
}
