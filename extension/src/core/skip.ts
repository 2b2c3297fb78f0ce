/** Files the extension does not lint: too large, minified, generated. Cheap: looks at a prefix only. */

export type SkipReason = { readonly kind: 'too-large' | 'minified' | 'generated'; readonly detail: string };

const GENERATED_MARKERS = /@generated\b|\bDO NOT EDIT\b|\bautomatically generated\b|\bauto-generated\b/i;

export function skipReason(fileName: string, text: string, maxFileSize: number): SkipReason | undefined {
  const bytes = byteLengthAtLeast(text, maxFileSize);
  if (bytes > maxFileSize) {
    return {
      kind: 'too-large',
      detail: `larger than corsGuard.maxFileSize (${formatBytes(maxFileSize)})`,
    };
  }
  if (/\.min\.[cm]?[jt]sx?$/i.test(fileName) || /[-.]bundle\.[cm]?js$/i.test(fileName)) {
    return { kind: 'minified', detail: 'a minified or bundled file (by its name)' };
  }
  const head = text.slice(0, 2000);
  const firstComment = /^\s*(?:#![^\n]*\n\s*)?(\/\*[\s\S]*?\*\/|(?:\/\/[^\n]*\n\s*)+)/.exec(head)?.[1] ?? '';
  if (GENERATED_MARKERS.test(firstComment)) return { kind: 'generated', detail: 'marked as generated' };
  if (text.length > 5000) {
    // Minified code: few, very long lines.
    let lines = 1;
    let longest = 0;
    let start = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
      longest = Math.max(longest, i - start);
      start = i + 1;
      lines++;
      if (lines > 2000) break;
    }
    longest = Math.max(longest, lines > 2000 ? 0 : text.length - start);
    if (longest > 1000 && text.length / lines > 300) {
      return { kind: 'minified', detail: `minified (lines up to ${longest.toLocaleString('en-US')} characters)` };
    }
  }
  return undefined;
}

/** UTF-8 length, stopping early once it exceeds `limit`. */
function byteLengthAtLeast(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
    if (bytes > limit) return bytes;
  }
  return bytes;
}

export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)} MB`;
  if (n >= 1000) return `${Math.round(n / 1000)} kB`;
  return `${n} B`;
}
