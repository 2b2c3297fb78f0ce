/**
 * `cors-guard test <file>:<line>`: writes a regression test for the finding at that line, in the project's
 * own stack (see regression-test.ts), beside the file. Maps the file as `cors-guard map` does (the project's
 * ESLint config and its trusted origins), never replaces a file, and says what it could not set up.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { READ_LIMITS } from '../analysis/budgets';
import { readText } from '../analysis/read-file';
import { mapProject } from '../map/cli';
import { ioOf, type CliIo } from '../util/cli-io';
import { CannotWriteTest, policyAtLine, regressionTestFor } from './regression-test';
import { RUNNERS, type PackageJson, type Runner } from './stack';

const USAGE = `Usage: cors-guard test <file>:<line> [options]

Writes a regression test for the CORS finding at that line: it sends the attacker origin CORS Guard found
and a trusted origin, fails while the attacker gets in, and passes once the policy is fixed. The test is
written beside the file in the project's own stack (vitest, jest, mocha or node:test; supertest, inject,
app.request or fetch), never over an existing file.

Options:
  --trusted ORIGIN     an origin that must still get in (repeatable; default: settings trustedOrigins,
                       else one the policy lets in)
  --runner NAME        vitest | jest | mocha | node:test (default: the one package.json uses)
  --stdout             print the test instead of writing it
  --config FILE        ESLint flat config to use (default: the project's eslint.config.*)
  --no-config          ignore the project's config: use the recommended preset
  --cwd DIR            the folder the file name is relative to
  -h, --help           show this help
`;

/** The nearest folder with a package.json at or above `dir` (else `dir`). */
export function packageRootOf(dir: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return resolve(dir);
  }
}

/** The `test` command line; returns the exit code. Writes to and runs in `io` (default: the process's). */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const { stdout, stderr, cwd: workdir } = ioOf(io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        trusted: { type: 'string', multiple: true, default: [] },
        runner: { type: 'string' },
        stdout: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean', default: false },
        cwd: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout(USAGE);
    return 0;
  }
  const target = /^(.+):(\d+)(?::\d+)?$/.exec(positionals[0] ?? '');
  if (!target || positionals.length > 1) {
    stderr(`${USAGE}`);
    return 2;
  }
  const runner = values.runner as Runner | undefined;
  if (runner && !RUNNERS.includes(runner)) {
    stderr(`Unknown runner: ${runner} (one of ${RUNNERS.join(', ')})\n`);
    return 2;
  }
  const cwd = resolve(workdir, values.cwd ?? '.');
  const file = resolve(cwd, target[1]!);
  const line = Number(target[2]);
  if (!existsSync(file)) {
    stderr(`cors-guard: no such file: ${target[1]}\n`);
    return 2;
  }
  const report = await mapProject({
    cwd,
    paths: [relative(cwd, file) || file],
    ...(values['no-config'] ? { config: false as const } : values.config ? { config: values.config } : {}),
    warn: (message: string) => stderr(`${message}\n`),
  });
  const shown = (relative(cwd, file) || file).split(sep).join('/');
  const policy = policyAtLine(
    report.policies.filter((p) => p.file === shown),
    line,
  );
  if (!policy) {
    stderr(`cors-guard: no CORS policy in ${shown}\n`);
    return 1;
  }
  const root = packageRootOf(dirname(file));
  let pkg: PackageJson = {};
  try {
    pkg = JSON.parse(
      readText(join(root, 'package.json'), { maxBytes: READ_LIMITS.configBytes }) ?? '{}',
    ) as PackageJson;
  } catch {
    // no package.json: node:test, written as the source is
  }
  // Read as every project file is: a regular file under the size cap.
  const sourceText = readText(file, { maxBytes: READ_LIMITS.sourceBytes });
  if (sourceText === undefined) {
    process.stderr.write(`cors-guard: ${shown} cannot be read\n`);
    return 2;
  }
  let test;
  try {
    test = regressionTestFor({
      policy,
      sourcePath: relative(root, file).split(sep).join('/'),
      sourceText,
      pkg,
      trustedOrigins: values.trusted,
      exists: (p) => existsSync(join(root, p)),
      ...(runner ? { runner } : {}),
    });
  } catch (error) {
    if (!(error instanceof CannotWriteTest)) throw error;
    stderr(`cors-guard: cannot write a test: ${error.message}\n`);
    return 1;
  }
  if (values.stdout) {
    stdout(test.content);
  } else {
    // `wx`: fails rather than replace a file created since the name was picked.
    writeFileSync(join(root, test.path), test.content, { flag: 'wx' });
    const shownTest = (relative(cwd, join(root, test.path)) || test.path).split(sep).join('/');
    const lines = [
      `Wrote ${shownTest} (${test.runner}, ${test.framework}) for the policy at ${policy.file}:${policy.line}`,
      `  attacker: ${test.attacker}${test.trusted ? `   trusted: ${test.trusted}` : ''}`,
      `  run it: ${test.command}   (it fails until the policy is fixed)${root === cwd ? '' : ` in ${relative(cwd, root) || '.'}`}`,
    ];
    stdout(`${lines.join('\n')}\n`);
  }
  if (test.notes.length > 0) {
    stderr(`Could not set up everything:\n${test.notes.map((n) => `  - ${n}`).join('\n')}\n`);
  }
  return 0;
}
