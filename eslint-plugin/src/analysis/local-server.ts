/**
 * Where a file's server runs: on the user's own machine or not (unknown). A server is local when the code
 * binds it to a loopback address (`listen(port, '127.0.0.1')`, `listen({ host: 'localhost' })`,
 * `Bun.serve({ hostname })`, `Deno.serve({ hostname })`, `serve({ fetch, hostname })`), or by its role when
 * no explicit host says otherwise: an MCP server over HTTP (`SSEServerTransport`,
 * `StreamableHTTPServerTransport`, `mcp-proxy`, mcp-framework's `http-stream` / `sse` transports), a dev
 * server's settings or hook (vite's `server` / `preview` options and `configureServer`, webpack `devServer`,
 * also assigned as `config.devServer = {...}`, a Next custom server with `dev: true`, an esbuild `serve`), a server an Electron app or a VS
 * Code extension starts, a file the package's `bin` reaches (a CLI that starts a server), or a server that drives
 * hardware plugged into its machine (a print bridge: `escpos-usb`, `node-thermal-printer`, `serialport`, here or
 * in a module it imports). An explicit `0.0.0.0`, a public address or
 * a host from the environment with no loopback default is not local; no evidence is not local either.
 *
 * Also read here, for the finding's wording and its one excuse: the routes and MCP tools the file serves
 * (state-changing, file and command access first), and a gate that turns other callers away whatever CORS
 * says (a token the page cannot know, an exact Origin allowlist that answers 403, the MCP SDK's
 * `allowedOrigins` with DNS-rebinding protection on, mcp-framework's `cors.allowedOrigins`, cors-anywhere's
 * `originWhitelist`). A Host-header check alone is no gate here: it stops
 * DNS rebinding, not a page that calls `http://127.0.0.1:port` by its own name.
 *
 * Bounded: the walk counts nodes (`LOCAL_SERVER_LIMITS.maxNodes`); the `bin` search reads at most
 * `maxBinFiles` files, `maxBinDepth` relative imports deep, through the bounded project reader.
 */
import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { findProperty, staticKeyName, stringLiteralValue, type Node } from './ast';
import type { LocalServer } from './policy-types';
import { isInside, readText } from './read-file';
import { LOCAL_SERVER_LIMITS, MODULE_LIMITS } from './budgets';
import { manifestAt, packageDirOf } from './values/workspaces';
import { resolveModule, type ModuleFileSystem } from './values/modules';
import { specifiersIn } from './values/specifiers';
import type { Value } from './values/values';

/** What the host resolver needs: the values evaluator. */
export interface HostEvaluator {
  resolve(node: Node): readonly Value[];
}

export interface ServerPlaceInput {
  readonly program: TSESTree.Program;
  readonly values: HostEvaluator;
  /** The linted file's path, for the package's `bin`. */
  readonly file?: string;
  /** The project root and file system imports are resolved in (the `bin` search). */
  readonly root?: string;
  readonly fs?: ModuleFileSystem;
}

type HostClass = 'loopback' | 'elsewhere' | 'unknown';

const MCP_TRANSPORTS = new Set(['SSEServerTransport', 'StreamableHTTPServerTransport']);
const MCP_MODULES = /^(@modelcontextprotocol\/sdk(\/|$)|mcp-proxy$)/;
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ALL']);
const DANGEROUS = /run|exec|command|cmd|shell|spawn|eval|file|fs|write|upload|delete|remove|tool|sse|mcp/i;
const TOKEN_WORDS =
  /\b(authorization|bearer|x-[\w-]*(token|key|auth|secret)[\w-]*|token|api[_-]?key|secret|password)\b/i;
const COMPARED = /[!=]==?|\b(verify|compare|timingSafeEqual|validate|check|has|includes)\w*\s*\(/i;
const DENIAL = /\b40[13]\b|\bForbidden\b|\bUnauthorized\b/;

/** Whether a host string names this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

function classifyHost(values: readonly Value[]): HostClass {
  if (values.length === 0) return 'unknown';
  const loopbackDefault = values.some(
    (v) => v.kind === 'literal' && v.fallback && typeof v.value === 'string' && isLoopbackHost(v.value),
  );
  let sawLoopback = false;
  for (const v of values) {
    if (v.kind === 'literal' && typeof v.value === 'string') {
      if (isLoopbackHost(v.value)) sawLoopback = true;
      else return 'elsewhere';
    } else if (v.kind === 'env') {
      // `process.env.HOST || '127.0.0.1'`: local unless someone sets it; a bare env host is not local.
      if (!loopbackDefault) return 'elsewhere';
    } else return 'unknown';
  }
  return sawLoopback ? 'loopback' : 'unknown';
}

interface Evidence {
  loopback?: { node: Node; how: string };
  elsewhere?: Node;
  role?: { node: Node; how: string };
  started: boolean;
  routes: { text: string; rank: number }[];
  gate?: { node: Node; what: string };
}

function objectArg(node: Node | undefined): TSESTree.ObjectExpression | undefined {
  return node?.type === 'ObjectExpression' ? node : undefined;
}

function hostProperty(obj: TSESTree.ObjectExpression | undefined): TSESTree.Property | undefined {
  return obj ? (findProperty(obj, 'host') ?? findProperty(obj, 'hostname')) : undefined;
}

function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = call.callee;
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier') return c.property.name;
  return undefined;
}

function objectName(call: TSESTree.CallExpression): string | undefined {
  const c = call.callee;
  return c.type === 'MemberExpression' && c.object.type === 'Identifier' ? c.object.name : undefined;
}

function noteHost(e: Evidence, cls: HostClass, node: Node, how: string): void {
  if (cls === 'loopback') e.loopback ??= { node, how };
  else if (cls === 'elsewhere') e.elsewhere ??= node;
}

function noteRoute(e: Evidence, text: string, method: string | undefined): void {
  if (e.routes.some((r) => r.text === text)) return;
  const rank = (method && STATE_CHANGING.has(method) ? 0 : 2) + (DANGEROUS.test(text) ? 0 : 1);
  e.routes.push({ text, rank });
}

/** `listen(port, host)`, `listen({ host })`, `Bun.serve`, `Deno.serve`, `serve({ fetch, hostname })`. */
function serverStart(call: TSESTree.CallExpression, values: HostEvaluator, e: Evidence): void {
  const name = calleeName(call);
  const args = call.arguments as Node[];
  if (name === 'listen') {
    e.started = true;
    const first = objectArg(args[0]);
    const hostNode = first ? hostProperty(first)?.value : args[1];
    if (!hostNode || hostNode.type === 'ArrowFunctionExpression' || hostNode.type === 'FunctionExpression') {
      if (
        !first &&
        args.length > 0 &&
        typeof stringLiteralValue(args[0]) === 'string' &&
        !/^\d+$/.test(stringLiteralValue(args[0])!)
      )
        return; // a Unix socket path: not reachable from a browser
      e.elsewhere ??= call; // no host: every interface
      return;
    }
    const cls = classifyHost(values.resolve(hostNode));
    noteHost(e, cls, call, `listens on ${hostText(values, hostNode)}`);
    return;
  }
  const owner = objectName(call);
  const options = objectArg(args[0]);
  if (name === 'serve' && (owner === 'Bun' || owner === 'Deno' || (options && findProperty(options, 'fetch')))) {
    e.started = true;
    const host = hostProperty(options)?.value;
    if (!host)
      e.elsewhere ??= call; // Bun, Deno and @hono/node-server bind every interface by default
    else noteHost(e, classifyHost(values.resolve(host)), call, `listens on ${hostText(values, host)}`);
  }
}

function hostText(values: HostEvaluator, node: Node): string {
  for (const v of values.resolve(node)) if (v.kind === 'literal' && typeof v.value === 'string') return v.value;
  return 'a loopback address';
}

/** Which modules that give a server its role the file imports. */
interface Imports {
  mcp: boolean;
  esbuild: boolean;
  next: boolean;
  vite?: boolean;
  /** mcp-framework: `new MCPServer({ transport: { type: 'http-stream' | 'sse' } })`. */
  mcpFramework?: boolean;
  corsAnywhere?: boolean;
  /** `electron` or `vscode`: a desktop app's or an editor extension's helper server. */
  desktop?: 'Electron' | 'VS Code';
  /** A package that drives hardware plugged into this machine (`escpos-usb`, `serialport`). */
  hardware?: string;
  /** Relative specifiers (`./printReceipt.js`): where the hardware may be driven from. */
  relative: string[];
}

/**
 * Packages that drive hardware attached to the machine the code runs on: USB, serial and HID devices,
 * receipt and label printers, the operating system's print queue. A server that drives them and answers
 * a browser is a bridge between a web page and a device on the user's desk (print bridges, scale and
 * scanner helpers), not a public API: `*` there lets any website the user visits drive the device.
 */
const HARDWARE_MODULES =
  /^(usb|node-hid|serialport|@serialport\/[\w-]+|escpos(-usb|-serialport)?|@node-escpos\/[\w-]+|node-thermal-printer|pdf-to-printer|unix-print|printer|node-printer|@thiagoelg\/node-printer|@grandchef\/node-printer)$/;

function noteImport(out: Imports, source: string): void {
  if (MCP_MODULES.test(source)) out.mcp = true;
  if (source === 'esbuild') out.esbuild = true;
  if (source === 'next') out.next = true;
  if (source === 'vite') out.vite = true;
  if (source === 'mcp-framework') out.mcpFramework = true;
  if (source === 'cors-anywhere') out.corsAnywhere = true;
  if (source === 'electron') out.desktop ??= 'Electron';
  if (source === 'vscode') out.desktop ??= 'VS Code';
  if (HARDWARE_MODULES.test(source)) out.hardware ??= source;
  if (source.startsWith('.') && out.relative.length < LOCAL_SERVER_LIMITS.maxBinFiles) out.relative.push(source);
}

/** The modules imported at the top of the file (ES imports; `require` calls are noted during the walk). */
function importsOf(program: TSESTree.Program): Imports {
  const out: Imports = { mcp: false, esbuild: false, next: false, relative: [] };
  const note = (source: string) => noteImport(out, source);
  for (const s of program.body) {
    if (s.type === 'ImportDeclaration') note(String(s.source.value));
  }
  return out;
}

function isRequireOf(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
  return stringLiteralValue(node.arguments[0] as Node);
}

/** A gate in an `if`: a token or an exact Origin allowlist tested, the request refused inside. */
function gateOfIf(node: TSESTree.IfStatement, text: (n: Node) => string): { node: Node; what: string } | undefined {
  const test = text(node.test);
  if (!TOKEN_WORDS.test(test) && !/origin/i.test(test)) return undefined;
  if (!DENIAL.test(text(node.consequent))) return undefined;
  // A token compared with a secret (a bare presence test admits any value the page sends, and with a permissive
  // CORS policy the page may send the header).
  if (TOKEN_WORDS.test(test) && !/\bhost\b/i.test(test) && COMPARED.test(test))
    return { node: node.test, what: 'a token check' };
  // An exact lookup of the Origin in a list, or an exact comparison; never a substring or prefix test of it.
  if (
    /origin/i.test(test) &&
    !/origin[\w$.[\]'"]*\s*\.\s*(includes|startsWith|endsWith|indexOf|match|search)\s*\(/i.test(test)
  ) {
    if (
      /\.(has|includes|indexOf)\(\s*[\w$.[\]'"]*origin/i.test(test) ||
      /origin[\w$.[\]'"]*\s*[!=]==?\s*['"`]/i.test(test)
    )
      return { node: node.test, what: 'an exact Origin allowlist that refuses other origins' };
  }
  return undefined;
}

/** MCP SDK transport options: `enableDnsRebindingProtection: true` with `allowedOrigins` refuses other origins. */
function transportGate(options: TSESTree.ObjectExpression | undefined): { node: Node; what: string } | undefined {
  if (!options) return undefined;
  const on = findProperty(options, 'enableDnsRebindingProtection');
  const origins = findProperty(options, 'allowedOrigins');
  if (on?.value.type === 'Literal' && on.value.value === true && origins?.value.type === 'ArrayExpression')
    return { node: origins, what: "the MCP SDK's `allowedOrigins` (with DNS-rebinding protection on)" };
  return undefined;
}

/** vite options a `server` / `preview` object holds (to tell vite's dev-server settings from other `server` keys). */
const VITE_SERVER_OPTIONS = ['headers', 'cors', 'host', 'port', 'strictPort', 'proxy', 'hmr', 'open', 'allowedHosts'];

/**
 * Whether a `server` property is part of a vite config: the file is `vite.config.*`, or the file imports vite
 * and the property sits in the argument of `defineConfig(...)` (not a server file that imports vite's
 * `createServer` for development and answers other requests in production).
 */
function inViteConfig(node: Node, file: string | undefined, importsVite: boolean | undefined): boolean {
  if (file && /^vite\.config\.[cm]?[jt]s$/.test(nodePath.basename(file))) return true;
  if (!importsVite) return false;
  let at: Node | undefined = node.parent as Node | undefined;
  for (let depth = 0; at && depth < 8; depth++, at = at.parent as Node | undefined) {
    if (at.type === 'CallExpression' && calleeName(at) === 'defineConfig') return true;
  }
  return false;
}

/** webpack-dev-server settings (`devServer: { ... }` or `config.devServer = { ... }`): its role, by hook. */
function webpackDevServer(e: Evidence, node: Node, value: TSESTree.ObjectExpression): void {
  const hooks = ['setupMiddlewares', 'before', 'after', 'onBeforeSetupMiddleware', 'onAfterSetupMiddleware'];
  const hook = hooks.find((h) => findProperty(value, h));
  e.role ??= hook
    ? { node, how: `is a webpack dev-server middleware (\`devServer.${hook}\`)` }
    : { node, how: 'is a webpack dev server (`devServer`)' };
}

/**
 * mcp-framework 0.2.22 `new MCPServer({ transport: { type, options } })`: the `http-stream` and `sse`
 * transports are HTTP servers (listening on `options.host`, default 127.0.0.1); `options.cors.allowedOrigins`
 * answers other origins with 403 (transports/utils/origin-validator.js, exact after normalising; `null` refused).
 */
function mcpFrameworkServer(node: TSESTree.NewExpression, values: HostEvaluator, e: Evidence): void {
  const config = objectArg(node.arguments[0] as Node | undefined);
  const transport = objectArg(config && findProperty(config, 'transport')?.value);
  const type = stringLiteralValue(transport && findProperty(transport, 'type')?.value);
  if (type !== 'http-stream' && type !== 'sse') return;
  e.role ??= { node, how: `is an MCP server over HTTP (mcp-framework \`${type}\` transport)` };
  const options = objectArg(transport && findProperty(transport, 'options')?.value);
  const host = hostProperty(options);
  if (host) noteHost(e, classifyHost(values.resolve(host.value)), host, `listens on ${hostText(values, host.value)}`);
  const cors = objectArg(options && findProperty(options, 'cors')?.value);
  const allowed = cors && findProperty(cors, 'allowedOrigins');
  if (allowed && exactList(allowed.value))
    e.gate ??= { node: allowed, what: "mcp-framework's `allowedOrigins` (other origins get 403)" };
}

/** A non-empty array literal of origins that does not hold `'null'` or `'*'` (an exact allowlist). */
function exactList(node: Node): boolean {
  if (node.type !== 'ArrayExpression' || node.elements.length === 0) return false;
  return node.elements.every((el) => {
    if (!el || el.type === 'SpreadElement') return false;
    const v = stringLiteralValue(el as Node);
    return v === undefined ? el.type === 'TemplateLiteral' : v !== 'null' && v !== '*';
  });
}

/** The server facts of one file, by one bounded walk. */
export function serverPlaceOf(input: ServerPlaceInput, text: (n: Node) => string): LocalServer | undefined {
  const e: Evidence = { started: false, routes: [] };
  const imports = importsOf(input.program);
  const stack: Node[] = [input.program];
  let visited = 0;
  while (stack.length > 0 && visited++ < LOCAL_SERVER_LIMITS.maxNodes) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'CallExpression': {
        serverStart(node, input.values, e);
        const name = calleeName(node);
        const first = node.arguments[0] as Node | undefined;
        const path = stringLiteralValue(first);
        if (name && HTTP_METHODS.has(name) && node.callee.type === 'MemberExpression' && path?.startsWith('/'))
          noteRoute(e, `${name.toUpperCase()} ${path}`, name.toUpperCase());
        if ((name === 'tool' || name === 'registerTool') && path !== undefined && imports.mcp)
          noteRoute(e, `the MCP tool \`${path}\``, 'POST');
        if (name === 'startHTTPServer' && imports.mcp)
          e.role ??= { node, how: 'is an MCP server over HTTP (mcp-proxy)' };
        if (name === 'serve' && imports.esbuild && node.callee.type === 'MemberExpression')
          e.role ??= { node, how: "is in front of esbuild's dev server" };
        if (name === 'next' && imports.next) {
          const dev = objectArg(first) && findProperty(objectArg(first)!, 'dev');
          if (dev?.value.type === 'Literal' && dev.value.value === true)
            e.role ??= { node, how: 'is a Next.js dev server (`dev: true`)' };
        }
        // cors-anywhere 0.4.4: a non-empty `originWhitelist` answers every other origin with 403 (`indexOf`).
        if (name === 'createServer' && imports.corsAnywhere) {
          const list = objectArg(first) && findProperty(objectArg(first)!, 'originWhitelist');
          if (list && exactList(list.value))
            e.gate ??= { node: list, what: "cors-anywhere's `originWhitelist` (other origins get 403)" };
        }
        if ((name === 'requireBearerAuth' || name === 'bearerAuth') && !e.gate)
          e.gate = { node, what: 'a bearer-token check' };
        const req = isRequireOf(node);
        if (req) noteImport(imports, req);
        break;
      }
      case 'NewExpression': {
        const name = calleeName(node);
        if (name && MCP_TRANSPORTS.has(name)) {
          e.role ??= { node, how: `is an MCP server over HTTP (\`${name}\`)` };
          e.gate ??= transportGate(objectArg(node.arguments[0] as Node | undefined));
          e.gate ??= transportGate(objectArg(node.arguments[1] as Node | undefined));
        }
        if (name === 'MCPServer' && imports.mcpFramework) mcpFrameworkServer(node, input.values, e);
        break;
      }
      case 'Property':
      case 'MethodDefinition': {
        const key = staticKeyName(node.key as Node, node.computed);
        if (key === 'configureServer' || key === 'configurePreviewServer')
          e.role ??= { node, how: `is a vite dev-server middleware (\`${key}\`)` };
        if (key === 'devServer' && node.type === 'Property' && node.value.type === 'ObjectExpression')
          webpackDevServer(e, node, node.value);
        // vite's `server` / `preview` settings (`defineConfig({ server: { headers, cors, host } })`): the dev
        // server `vite` starts, and `vite preview`, run on the developer's machine.
        if (
          (key === 'server' || key === 'preview') &&
          node.type === 'Property' &&
          node.value.type === 'ObjectExpression' &&
          VITE_SERVER_OPTIONS.some((o) => findProperty(node.value as TSESTree.ObjectExpression, o)) &&
          inViteConfig(node, input.file, imports.vite)
        )
          e.role ??= {
            node,
            how: `is vite's ${key === 'server' ? 'dev' : 'preview'} server (\`${key}\` in its config)`,
          };
        break;
      }
      case 'AssignmentExpression': {
        // `config.devServer = { headers }` on a webpack config imported from a shared file.
        const left = node.left;
        if (
          left.type === 'MemberExpression' &&
          staticKeyName(left.property as Node, left.computed) === 'devServer' &&
          node.right.type === 'ObjectExpression'
        )
          webpackDevServer(e, node, node.right);
        break;
      }
      case 'BinaryExpression': {
        // node:http routing: `req.url === '/run'`, `url.pathname === '/files'`.
        if (node.operator === '===' || node.operator === '==') {
          for (const [a, b] of [
            [node.left, node.right],
            [node.right, node.left],
          ] as const) {
            const p = stringLiteralValue(b as Node);
            if (p?.startsWith('/') && a.type === 'MemberExpression' && /\b(url|pathname)$/.test(text(a)))
              noteRoute(e, p, undefined);
          }
        }
        break;
      }
      case 'IfStatement':
        e.gate ??= gateOfIf(node, text);
        break;
    }
    const children: Node[] = [];
    for (const key in node) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const x of child) if (x && typeof x === 'object' && typeof (x as Node).type === 'string') children.push(x);
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        children.push(child as Node);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const routes = e.routes
    .sort((a, b) => a.rank - b.rank)
    .slice(0, LOCAL_SERVER_LIMITS.maxRoutes)
    .map((r) => r.text);
  const gate = e.gate ? { gate: e.gate } : {};
  // One explicit non-local host anywhere (`listen(port, '0.0.0.0')`, `HOST` from the environment) and the
  // server is not judged local, whatever else the file shows.
  if (e.loopback && !(e.elsewhere && e.elsewhere !== e.loopback.node && explicitlyElsewhere(e.elsewhere)))
    return { node: e.loopback.node, how: e.loopback.how, routes, ...gate };
  if (e.elsewhere && explicitlyElsewhere(e.elsewhere)) return undefined;
  if (e.role) return { node: e.role.node, how: e.role.how, routes, ...gate };
  // A server an Electron app or a VS Code extension starts runs on the user's machine.
  if (e.started && imports.desktop && e.elsewhere)
    return {
      node: e.elsewhere,
      how: `is started by ${imports.desktop === 'Electron' ? 'an Electron app' : 'a VS Code extension'}`,
      routes,
      ...gate,
    };
  if (input.file) {
    const bin = binReaching(input.file, input.root, input.fs);
    if (bin) return { node: input.program, how: `is started by the package's \`bin\` (${bin})`, routes, ...gate };
  }
  // A server this file starts, driving a device plugged into the machine (here or in a module it imports).
  if (e.started) {
    const device = imports.hardware ?? hardwareImported(imports.relative, input.file, input.root, input.fs);
    if (device)
      return {
        node: e.elsewhere ?? input.program,
        how: `drives hardware attached to the machine it runs on (\`${device}\`)`,
        routes,
        ...gate,
      };
  }
  return undefined;
}

/**
 * A hardware package (`HARDWARE_MODULES`) the file's relative imports bring in (they and their own relative
 * imports, within the walk's budgets); undefined otherwise.
 */
function hardwareImported(
  relative: readonly string[],
  file: string | undefined,
  root: string | undefined,
  fs: ModuleFileSystem | undefined,
): string | undefined {
  if (!file || relative.length === 0) return undefined;
  const base = root ?? nodePath.dirname(file);
  const starts = relative.flatMap((s) => {
    const path = resolveModule(s, file, base, fs);
    return path ? [[path, undefined] as const] : [];
  });
  return walkRelativeImports(starts, base, fs, LOCAL_SERVER_LIMITS.maxBinDepth - 1, (_path, _tag, specifiers) =>
    specifiers.find((s) => HARDWARE_MODULES.test(s)),
  );
}

/**
 * A breadth-first walk over files of the project from `starts`, through relative imports, `hops` imports
 * deep: each file is read once (at most `maxBinFiles` files, none larger than a module the analysis parses,
 * through the bounded reader, so FIFOs and devices are not read) and handed to `visit` with its tag (carried
 * from the start it was reached from) and its specifiers (none when it could not be read). The first value
 * `visit` returns ends the walk.
 */
function walkRelativeImports<T, R>(
  starts: readonly (readonly [string, T])[],
  base: string,
  fs: ModuleFileSystem | undefined,
  hops: number,
  visit: (path: string, tag: T, specifiers: readonly string[]) => R | undefined,
): R | undefined {
  const seen = new Set<string>();
  let budget: number = LOCAL_SERVER_LIMITS.maxBinFiles;
  let frontier = starts;
  for (let depth = 0; depth <= hops && frontier.length > 0; depth++) {
    const next: [string, T][] = [];
    for (const [path, tag] of frontier) {
      if (seen.has(path) || !isInside(base, path) || budget-- <= 0) continue;
      seen.add(path);
      const size = fs?.stat(path)?.size;
      const text =
        size !== undefined && size > MODULE_LIMITS.maxBytes
          ? undefined
          : fs
            ? fs.readFile(path)
            : readText(path, { maxBytes: MODULE_LIMITS.maxBytes, root: base });
      const specifiers = text === undefined ? [] : specifiersIn(text);
      const found = visit(path, tag, specifiers);
      if (found !== undefined) return found;
      for (const s of specifiers) {
        if (!s.startsWith('.')) continue;
        const target = resolveModule(s, path, base, fs);
        if (target) next.push([target, tag]);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** Whether a node noted as "elsewhere" names a host (a listen call without one binds every interface). */
function explicitlyElsewhere(node: Node): boolean {
  if (node.type !== 'CallExpression') return true;
  const args = node.arguments as Node[];
  const first = objectArg(args[0]);
  if (first) return !!hostProperty(first);
  return args.length > 1 && args[1]!.type !== 'ArrowFunctionExpression' && args[1]!.type !== 'FunctionExpression';
}

const binCache = new Map<string, { readonly stamp: string; readonly files: ReadonlyMap<string, string> }>();

/** The `bin` entry (its name) whose file is `file` or imports it, a few relative imports deep. */
export function binReaching(file: string, root?: string, fs?: ModuleFileSystem): string | undefined {
  const dir = packageDirOf(nodePath.dirname(file), root);
  if (!dir) return undefined;
  const manifest = manifestAt(dir) as { bin?: unknown; name?: unknown } | undefined;
  const bin = manifest?.bin;
  const entries: [string, string][] =
    typeof bin === 'string'
      ? [[typeof manifest?.name === 'string' ? manifest.name : 'bin', bin]]
      : bin && typeof bin === 'object'
        ? Object.entries(bin as Record<string, unknown>).filter((x): x is [string, string] => typeof x[1] === 'string')
        : [];
  if (entries.length === 0) return undefined;
  // The entries and their files' stamps (an edited bin file may import another server module).
  const stampOf = (p: string) => {
    if (fs) return fs.stat(p)?.stamp ?? '';
    try {
      const st = statSync(p);
      return `${st.size}:${st.mtimeMs}`;
    } catch {
      return '';
    }
  };
  const stamp = JSON.stringify(entries.map(([n, p]) => [n, p, stampOf(nodePath.resolve(dir, p))]));
  let hit = binCache.get(dir);
  if (hit?.stamp !== stamp) {
    const files = new Map<string, string>();
    const starts = entries.map(([name, p]) => [nodePath.resolve(dir, p), name] as const);
    walkRelativeImports(starts, root ?? dir, fs, LOCAL_SERVER_LIMITS.maxBinDepth, (path, name) => {
      files.set(path, name);
      return undefined;
    });
    if (binCache.size > 100) binCache.clear();
    hit = { stamp, files };
    binCache.set(dir, hit);
  }
  const name = hit.files.get(nodePath.resolve(file));
  return name === undefined ? undefined : `\`${name}\``;
}
