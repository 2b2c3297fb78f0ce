// The analysis layout shows the architecture: concept folders, no import cycle (types included), and the
// folders depend on each other in one direction only (values <- checks <- headers <- sites), with
// the model, the policy builder and the evaluator at the top.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const analysisDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'eslint-plugin', 'src', 'analysis');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Each module's relative imports (type-only ones too), resolved to files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(analysisDir)) {
    const text = readFileSync(file, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gm)) {
      const target = normalize(join(dirname(file), m[1]!));
      for (const candidate of [`${target}.ts`, join(target, 'index.ts')])
        if (existsSync(candidate)) {
          deps.push(candidate);
          break;
        }
    }
    graph.set(file, deps);
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (u: string): void => {
    state.set(u, 1);
    stack.push(u);
    for (const v of graph.get(u) ?? []) {
      if (state.get(v) === 1) found.push([...stack.slice(stack.indexOf(v)), v].map((f) => relative(analysisDir, f)));
      else if (!state.has(v)) visit(v);
    }
    stack.pop();
    state.set(u, 2);
  };
  for (const u of graph.keys()) if (!state.has(u)) visit(u);
  return found;
}

const folderOf = (file: string) => {
  const rel = relative(analysisDir, file).split(/[\\/]/);
  return rel.length > 1 ? rel[0]! : '.';
};

describe('analysis layout', () => {
  const graph = importGraph();

  it('is grouped by concept', () => {
    const folders = readdirSync(analysisDir).filter((n) => statSync(join(analysisDir, n)).isDirectory());
    expect(folders.sort()).toEqual(['checks', 'headers', 'sites', 'values']);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
    // The detector finds one when there is one.
    const a = join(analysisDir, 'a.ts');
    const b = join(analysisDir, 'b.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toHaveLength(1);
  });

  it('lets folders depend on each other in one direction only', () => {
    // Allowed: a folder on the ones below it, and anything on the shared AST helpers, the budgets and the
    // bounded file reader at the top level.
    const below: Record<string, string[]> = {
      values: [],
      checks: ['values'],
      sites: ['values', 'checks', 'headers'],
      headers: ['checks'],
    };
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = folderOf(file);
      if (from === '.') continue;
      for (const dep of deps) {
        const to = folderOf(dep);
        if (to === from) continue;
        const shared = ['ast.ts', 'budgets.ts', 'read-file.ts'].some((f) => dep.endsWith(join('analysis', f)));
        if (to === '.' ? !shared : !below[from]!.includes(to))
          wrong.push(`${relative(analysisDir, file)} -> ${relative(analysisDir, dep)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
