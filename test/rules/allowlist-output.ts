/**
 * The allowlist fixes' one style (util/fixes.ts `allowlistFor`): a module-level `ALLOWED_ORIGINS` after the
 * leading imports and requires, used where the option's value was. Tests write the expected output with the
 * list in place and turn it into that form here.
 */
export const FRONTEND_LIST = "['https://your-frontend.example']";

export function withAllowlistConstant(output: string): string {
  const lines = output.replace(FRONTEND_LIST, 'ALLOWED_ORIGINS').split('\n');
  let at = 0;
  while (at < lines.length && /^(import\s|(const|let|var)\s.*=\s*require\()/.test(lines[at]!)) at++;
  lines.splice(at, 0, `const ALLOWED_ORIGINS = ${FRONTEND_LIST};`);
  return lines.join('\n');
}
