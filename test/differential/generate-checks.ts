/**
 * Generates origin checks for the generative differential test (`generative.test.ts`): regexes with
 * lookarounds, `\b`, anchors, escaped and unescaped dots and alternations; string-method and truthiness
 * tests (includes / indexOf / startsWith / endsWith / search with comparisons) and their `&&` / `||`
 * combinations; and option objects for the real `cors` package. Every case is JavaScript source the test
 * both runs and lints. Deterministic: a seeded PRNG (mulberry32) drives every choice.
 */

export type Rng = () => number;

/** mulberry32: a small seeded PRNG, so a seed names one run exactly. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** The host the generated checks mean to trust; attacker origins are every origin outside it. */
export const HOST = 'example.com';

/**
 * Origins outside `HOST` an attacker can send (registrable, or `null`), chosen to pass the usual mistakes:
 * an unescaped dot, a missing anchor, a suffix without its dot, a lookaround standing for an anchor.
 */
export const ATTACKER_ORIGINS = [
  'https://evil.net',
  'https://evilexample.com',
  'https://aaaxexample.com',
  'https://examplexcom.net',
  'https://example.com.evil.net',
  'https://app.example.com.evil.net',
  'https://app-example.com',
  'https://example.co',
  'https://xexample.com',
  'http://evilexample.com',
  'https://wwwxexample.com',
  'https://www.example.com.evil.net',
  'https://example.com-evil.net',
  'https://https.evil.net',
  'null',
] as const;

/** Origins the checks are meant for (not used to refute, only to show a check is not vacuous). */
export const TRUSTED_ORIGINS = ['https://example.com', 'https://app.example.com', 'https://www.example.com'] as const;

export interface GeneratedCheck {
  /** A boolean JavaScript expression over `origin` (a string). */
  readonly source: string;
  /** The construct family, for the figures and for findings known to be another item's. */
  readonly family: string;
}

/** A regex literal (its source between slashes) built from parts that real allowlists and their mistakes use. */
export function regexSource(r: Rng): { source: string; family: string } {
  const start = pick(r, ['^', '^', '^', '', '(?<![\\w.-])']);
  const scheme = pick(r, [
    'https:\\/\\/',
    'https:\\/\\/',
    'https?:\\/\\/',
    '',
    '(?=https:\\/\\/)https?:\\/\\/',
    '(?=https:\\/\\/)',
  ]);
  const dot = () => pick(r, ['\\.', '\\.', '.']);
  const sub = pick(r, [
    '',
    `([a-z0-9-]+${dot()})?`,
    `[a-z0-9-]+${dot()}`,
    `(?!-)[a-z0-9-]+${dot()}`,
    `[a-z0-9-]+(?<!-)${dot()}`,
    `.*`,
    `.*${dot()}`,
    `(www|app)${dot()}`,
    `(?:[a-z]+${dot()})*`,
    '[a-z]+',
    `(?!evil)[a-z]+${dot()}`,
  ]);
  const host = pick(r, [`example${dot()}com`, `example${dot()}com`, `(?:example|sample)${dot()}com`]);
  const end = pick(r, ['$', '$', '', '\\b', '(:\\d+)?$', '(?=$|:)', '(?![\\w.-])', '(?=\\/|$)', '\\/?$']);
  const source = `${start}${scheme}${sub}${host}${end}`;
  const family = /\(\?<?[=!]/.test(source) ? 'regex-lookaround' : source.includes('\\b') ? 'regex-\\b' : 'regex';
  return { source, family };
}

/** A literal an origin check compares with or looks for. */
function needle(r: Rng): string {
  return pick(r, ['example.com', '.example.com', 'https://example.com', 'https://app.example.com', '//example.com']);
}

/** One generated check over `origin`. */
export function generateCheck(r: Rng): GeneratedCheck {
  const kind = pick(r, ['regex', 'regex', 'regex', 'string', 'string', 'combo', 'hostname']);
  if (kind === 'regex') {
    const { source, family } = regexSource(r);
    const form = pick(r, ['test', 'test', 'match', 'exec', 'search', 'search-truthy']);
    const re = `/${source}/`;
    if (form === 'test') return { source: `${re}.test(origin)`, family };
    if (form === 'match') return { source: `origin.match(${re})`, family: `${family}-match` };
    if (form === 'exec') return { source: `${re}.exec(origin) !== null`, family: `${family}-exec` };
    if (form === 'search-truthy') return { source: `!!origin.search(${re})`, family: 'search-truthy' };
    const comparison = pick(r, ['!== -1', '>= 0', '> -1', '=== 0']);
    return {
      source: `origin.search(${re}) ${comparison}`,
      family: `${family}-search${comparison === '=== 0' ? '-at-start' : ''}`,
    };
  }
  if (kind === 'string') return stringCheck(r);
  if (kind === 'hostname') {
    const host = pick(r, ['example.com', '.example.com', 'app.example.com']);
    const method = pick(r, ['endsWith', 'endsWith', 'includes', '===']);
    const subject = 'new URL(origin).hostname';
    return {
      source: method === '===' ? `${subject} === '${host}'` : `${subject}.${method}('${host}')`,
      family: `hostname-${method}`,
    };
  }
  const a = stringCheck(r);
  const b = pick(r, [stringCheck(r), { source: `origin === 'https://${HOST}'`, family: 'exact' }]);
  const op = pick(r, ['&&', '||']);
  return { source: `(${a.source}) ${op} (${b.source})`, family: `combo${op}(${a.family},${b.family})` };
}

function stringCheck(r: Rng): GeneratedCheck {
  const s = JSON.stringify(needle(r)).replace(/"/g, "'");
  const form = pick(r, [
    'includes',
    'startsWith',
    'endsWith',
    'endsWith',
    'indexOf!==-1',
    'indexOf>-1',
    'indexOf>=0',
    'indexOf===0',
    'indexOf>0',
    'lastIndexOf',
    'startsWith-scheme',
    'indexOf-truthy',
    '~indexOf',
  ]);
  switch (form) {
    case 'includes':
    case 'startsWith':
    case 'endsWith':
      return { source: `origin.${form}(${s})`, family: form };
    case 'indexOf!==-1':
      return { source: `origin.indexOf(${s}) !== -1`, family: 'indexOf-compare' };
    case 'indexOf>-1':
      return { source: `origin.indexOf(${s}) > -1`, family: 'indexOf-compare' };
    case 'indexOf>=0':
      return { source: `origin.indexOf(${s}) >= 0`, family: 'indexOf-compare' };
    case 'indexOf===0':
      return { source: `origin.indexOf(${s}) === 0`, family: 'indexOf-compare' };
    case 'indexOf>0':
      return { source: `origin.indexOf(${s}) > 0`, family: 'indexOf-after-start' };
    case 'lastIndexOf':
      return { source: `origin.lastIndexOf(${s}) === origin.length - ${s}.length`, family: 'lastIndexOf-suffix' };
    case 'indexOf-truthy':
      return { source: `origin.indexOf(${s})`, family: 'indexOf-truthy' };
    case '~indexOf':
      return { source: `~origin.indexOf(${s})`, family: 'indexOf-truthy' };
    default:
      return { source: `origin.startsWith('https://') && origin.endsWith(${s})`, family: 'startsWith-endsWith' };
  }
}

/** An options object for the real `cors` package (credentials on), as source. */
export function generateCorsOptions(r: Rng): GeneratedCheck & { readonly options: string } {
  const kind = pick(r, ['regex', 'regex', 'list', 'string', 'function', 'function']);
  if (kind === 'regex') {
    const { source, family } = regexSource(r);
    return {
      options: `{ origin: /${source}/, credentials: true }`,
      source: `/${source}/.test(origin)`,
      family: `cors-${family}`,
    };
  }
  if (kind === 'list') {
    const { source } = regexSource(r);
    const exact = pick(r, ['https://example.com', 'https://app.example.com']);
    return {
      options: `{ origin: ['${exact}', /${source}/], credentials: true }`,
      source: `origin === '${exact}' || /${source}/.test(origin)`,
      family: 'cors-list',
    };
  }
  if (kind === 'string') {
    const value = pick(r, ['https://example.com', 'https://app.example.com']);
    return {
      options: `{ origin: '${value}', credentials: true }`,
      source: `origin === '${value}'`,
      family: 'cors-string',
    };
  }
  const check = pick(r, [stringCheck(r), generateCheck(r)]);
  return {
    options: `{ origin: (origin, callback) => callback(null, !!(${check.source})), credentials: true }`,
    source: check.source,
    family: `cors-function-${check.family}`,
  };
}
