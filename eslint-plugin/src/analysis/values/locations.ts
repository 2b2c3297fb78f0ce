/**
 * Which file a node is in. The linted file's AST and the ASTs of modules parsed on demand live side by
 * side in one analysis; a finding whose node is in another module must be reported in the linted file
 * (ESLint reports only there), at the place the analysis entered that module (the import's use, the
 * helper call), naming the other file. `entryOf` walks that chain back to the linted file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../ast';
import { moduleOfProgram, type LoadedModule } from './modules';

/** The Program a node belongs to. */
export function programOf(node: Node): TSESTree.Program {
  let n: Node = node;
  while (n.parent) n = n.parent;
  return n as TSESTree.Program;
}

/** The module a node belongs to, if it is not in the linted file (whose AST no module owns). */
export function foreignModuleOf(node: Node): LoadedModule | undefined {
  return moduleOfProgram(programOf(node));
}

/** The source text of the file a node is in (the linted file's text for its own nodes). */
export function fileTextOf(node: Node, lintedText: string): string {
  return foreignModuleOf(node)?.text ?? lintedText;
}

/**
 * Per lint: where the analysis first entered each other module from the module that imports it (the
 * reference to the imported binding, the `require(...)`, the helper call).
 */
export class ModuleEntries {
  private readonly entries = new Map<TSESTree.Program, Node>();
  /** Finer entries: a helper function of another module, entered through a call in the importer. */
  private readonly nodeEntries = new Map<Node, Node>();

  constructor(readonly linted: TSESTree.Program) {}

  /** Records that `module` was entered at `from` (first wins). */
  note(module: LoadedModule, from: Node): void {
    if (module.program === this.linted || this.entries.has(module.program)) return;
    if (programOf(from) === module.program) return;
    this.entries.set(module.program, from);
  }

  /** Records that `inner` (a helper function) was entered through `from` (a call of it); first wins. */
  noteNode(inner: Node, from: Node): void {
    if (!this.nodeEntries.has(inner)) this.nodeEntries.set(inner, from);
  }

  /**
   * The node in the linted file that leads to `node` (the node itself when it is local), and whether it
   * was found through a helper call (`precise`) rather than where the module was first entered.
   */
  entryOf(node: Node): { node: Node; precise: boolean } | undefined {
    let n: Node | undefined = node;
    let precise = false;
    for (let hops = 0; n && hops < 16; hops++) {
      const program = programOf(n);
      if (program === this.linted) return { node: n, precise };
      let via: Node | undefined;
      if (this.nodeEntries.size > 0) {
        for (let a: Node | undefined = n; a; a = a.parent) {
          via = this.nodeEntries.get(a);
          if (via) break;
        }
      }
      if (via) precise = true;
      n = via ?? this.entries.get(program);
    }
    return undefined;
  }
}
