/**
 * Import specifiers read from a module's text without parsing (`from '…'`, `import('…')`, `import '…'`,
 * `require('…')`, `export … from '…'`), and whether one may name a given file. A superset: a specifier in a
 * comment or a string counts too, and a name is matched before anything is resolved. Dependency-free, so
 * the editor's extension host can ask it as well as the reverse import index.
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])([^'"`\n]{1,300})\1/g;

/** The import specifiers a module's text names, each once, in order of appearance. */
export function specifiersIn(text: string): string[] {
  const specifiers = new Set<string>();
  for (const m of text.matchAll(SPECIFIER)) specifiers.add(m[2]!);
  return [...specifiers];
}

function baseName(path: string): string {
  return (
    path
      .replace(/[/\\]+$/, '')
      .split(/[/\\]/)
      .pop() ?? ''
  );
}

/** The names a specifier may use for `target`: its file name without extension, or its folder's for `index`. */
export function namesOf(target: string): Set<string> {
  const base = baseName(target).replace(/\.[^.]+$/, '');
  const names = new Set([base]);
  if (base === 'index') names.add(baseName(target.slice(0, -baseName(target).length)));
  return names;
}

/** Whether `specifier` may name a file called one of `names` (`#imports` may name anything). */
export function mayName(specifier: string, names: ReadonlySet<string>): boolean {
  if (specifier.startsWith('#')) return true;
  const last = specifier.replace(/\/+$/, '').split('/').pop() ?? '';
  return names.has(last.replace(/\.[^.]+$/, '')) || names.has(last);
}
