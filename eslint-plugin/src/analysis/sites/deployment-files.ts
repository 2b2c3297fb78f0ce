/**
 * Deployment JSON files that set response headers per route: `vercel.json` and `firebase.json`. Each row
 * names the file and the paths from the document to the lists of header rules, each rule being
 * `{ <route key>: pattern, headers: [{ key, value }] }` (the shape a Next.js `headers()` returns).
 *
 *  - Vercel (vercel.json reference, "headers"): `headers: [{ source, headers: [{ key, value }], has?, missing? }]`.
 *  - Firebase Hosting (firebase.json reference, "Headers"): `hosting.headers: [{ source | glob | regex,
 *    headers: [{ key, value }] }]`; `hosting` may also be a list of sites (one per `target`).
 *
 * The values are written text: no request data can reach them, so these files can send `*`, one origin,
 * `null` or credentials, never the request's Origin.
 */
export interface DeploymentFile {
  readonly platform: string;
  /** The file name (matched against the base name of the linted file). */
  readonly name: string;
  /**
   * Paths from the document to a list of header rules; `*` steps into every element of a list (Firebase's
   * `hosting` as a list of sites).
   */
  readonly rulePaths: readonly (readonly string[])[];
  /** The keys a rule names its routes with, in the order shown. */
  readonly routeKeys: readonly string[];
  /**
   * What overrides these headers on the same route, when the platform's documentation says (Vercel's
   * caching guide: headers a Function returns override the route headers of vercel.json).
   */
  readonly overriddenBy?: string;
}

export const DEPLOYMENT_FILES: readonly DeploymentFile[] = [
  {
    platform: 'Vercel',
    name: 'vercel.json',
    rulePaths: [['headers']],
    routeKeys: ['source'],
    overriddenBy: "a Vercel Function's own response headers",
  },
  {
    platform: 'Firebase Hosting',
    name: 'firebase.json',
    rulePaths: [
      ['hosting', 'headers'],
      ['hosting', '*', 'headers'],
    ],
    routeKeys: ['source', 'glob', 'regex'],
  },
];

/** The deployment file row for a path (by its base name), if any. */
export function deploymentFileOf(path: string): DeploymentFile | undefined {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  return DEPLOYMENT_FILES.find((f) => f.name === base);
}

/** Glob patterns of the deployment files, for flat configs (`**\/vercel.json`). */
export const DEPLOYMENT_FILE_GLOBS: readonly string[] = DEPLOYMENT_FILES.map((f) => `**/${f.name}`);
