/**
 * The ONE adapter between the differential test and the analysis: it writes a small file using a library
 * with the given options, lints it with the plugin (which builds the file model), and asks the model what
 * Access-Control-Allow-Origin and Access-Control-Allow-Credentials that library sends to a request.
 * Every access to the model lives here, so switching to another evaluator changes this file only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import plugin from '../../eslint-plugin/src/index';
import { decide, policyWitness, type FileModel, type Policy } from '../../eslint-plugin/src/analysis';
import type { Kind, Observed } from './runners';

/** How each library is written in a file: its import and the call taking `options` (`undefined`: none). */
const TEMPLATES: Record<
  string,
  { project?: Record<string, string>; file?: string; source: (options: string | undefined) => string }
> = {
  cors: { source: (o) => `import cors from 'cors';\napp.use(cors(${o ?? ''}));\n` },
  'fastify-cors': {
    source: (o) =>
      `import cors from '@fastify/cors';\nawait fastify.register(cors${o === undefined ? '' : `, ${o}`});\n`,
  },
  'fastify-cors@5': {
    project: { 'fastify-cors': '5.2.0' },
    source: (o) => `const cors = require('fastify-cors');\nfastify.register(cors${o === undefined ? '' : `, ${o}`});\n`,
  },
  'hono@3': {
    project: { hono: '3.12.12' },
    source: (o) => `import { cors } from 'hono/cors';\napp.use('*', cors(${o ?? ''}));\n`,
  },
  'nestjs-fastify': {
    source: (o) => `import { FastifyAdapter } from '@nestjs/platform-fastify';\napp.enableCors(${o ?? ''});\n`,
  },
  'koa-cors@5': {
    project: { '@koa/cors': '5.0.0' },
    source: (o) => `import cors from '@koa/cors';\napp.use(cors(${o ?? ''}));\n`,
  },
  'koa-cors@4': {
    project: { '@koa/cors': '^4.0.0' },
    source: (o) => `import cors from '@koa/cors';\napp.use(cors(${o ?? ''}));\n`,
  },
  'koa2-cors': { source: (o) => `import cors from 'koa2-cors';\napp.use(cors(${o ?? ''}));\n` },
  hapi: {
    source: (o) =>
      `server.route({ method: 'GET', path: '/', options: { ${o === undefined ? '' : `cors: ${o}`} }, handler: () => 'ok' });\n`,
  },
  hono: { source: (o) => `import { cors } from 'hono/cors';\napp.use('*', cors(${o ?? ''}));\n` },
  middy: { source: (o) => `import httpCors from '@middy/http-cors';\nhandler.use(httpCors(${o ?? ''}));\n` },
  'socket.io': {
    source: (o) =>
      `import { Server } from 'socket.io';\nconst io = new Server(httpServer, { ${o === undefined ? '' : `cors: ${o}`} });\n`,
  },
  yoga: {
    source: (o) =>
      `import { createYoga } from 'graphql-yoga';\nconst yoga = createYoga({ schema${o === undefined ? '' : `, cors: ${o}`} });\n`,
  },
  'yoga@2': {
    project: { '@graphql-yoga/node': '2.13.13', '@graphql-yoga/common': '2.12.12' },
    source: (o) =>
      `const { createServer } = require('@graphql-yoga/node');\nconst server = createServer({ schema${o === undefined ? '' : `, cors: ${o}`} });\n`,
  },
  elysia: { source: (o) => `import { cors } from '@elysiajs/cors';\nnew Elysia().use(cors(${o ?? ''}));\n` },
  // h3 (Nitro, Nuxt): handleCors(event, options) in an event handler.
  h3: {
    source: (o) =>
      `import { defineEventHandler, handleCors } from 'h3';\nexport default defineEventHandler((event) => handleCors(event, ${o ?? '{}'}));\n`,
  },
  // hapi glue: the manifest's server.routes.cors.
  glue: {
    source: (o) =>
      `const Glue = require('@hapi/glue');\nGlue.compose({ server: { ${o === undefined ? '' : `routes: { cors: ${o} }`} } });\n`,
  },
  'apollo-standalone': {
    source: () =>
      `import { startStandaloneServer } from '@apollo/server/standalone';\nawait startStandaloneServer(server, { listen: { port: 4000 } });\n`,
  },
  'apollo-lambda': {
    source: (o) =>
      `const { ApolloServer } = require('apollo-server-lambda');\nexports.handler = server.createHandler(${o === undefined ? '' : `{ expressGetMiddlewareOptions: { cors: ${o} } }`});\n`,
  },
  // Firebase Functions v2: the shape's source is the `cors` option's value (`onRequest({ cors: X }, handler)`).
  'firebase-functions': {
    source: (o) =>
      `import { onRequest } from 'firebase-functions/v2/https';\nexport const api = onRequest(${o === undefined ? '' : `{ cors: ${o} }, `}(req, res) => res.end('ok'));\n`,
  },
  'firebase-callable': {
    source: (o) =>
      `import { onCall } from 'firebase-functions/https';\nexport const api = onCall(${o === undefined ? '' : `{ cors: ${o} }, `}() => 1);\n`,
  },
  'itty-router-v4': {
    project: { 'itty-router': '4.2.2' },
    source: (o) =>
      `import { createCors } from 'itty-router';\nconst { preflight, corsify } = createCors(${o ?? ''});\n`,
  },
  'tinyhttp-cors': { source: (o) => `import { cors } from '@tinyhttp/cors';\napp.use(cors(${o ?? ''}));\n` },
  'hattip-cors': {
    source: (o) => `import { cors } from '@hattip/cors';\nexport default compose(cors(${o ?? ''}), handler);\n`,
  },
  'micro-cors': {
    source: (o) => `import microCors from 'micro-cors';\nexport default microCors(${o ?? ''})(handler);\n`,
  },
  'restify-cors': {
    source: (o) =>
      `import corsMiddleware from 'restify-cors-middleware2';\nconst cors = corsMiddleware(${o ?? '{}'});\nserver.pre(cors.preflight);\nserver.use(cors.actual);\n`,
  },
  'hapi-cors-headers': {
    source: () => `import corsHeaders from 'hapi-cors-headers';\nserver.ext('onPreResponse', corsHeaders);\n`,
  },
  // egg-cors: the settings are `config.cors` in the app's config file (the convention table reads it).
  'egg-cors': {
    project: { 'egg-cors': '3.0.1' },
    file: 'config/config.default.js',
    source: (o) => `exports.cors = ${o ?? '{}'};\n`,
  },
  'itty-router': {
    source: (o) => `import { cors } from 'itty-router';\nconst { preflight, corsify } = cors(${o ?? ''});\n`,
  },
};

export const PREDICTABLE_LIBRARIES = Object.keys(TEMPLATES);

const root = mkdtempSync(join(tmpdir(), 'cors-guard-differential-'));
/** Removes the temporary projects (the test calls it when done). */
export function cleanup(): void {
  rmSync(root, { recursive: true, force: true });
}
const linter = new Linter({ cwd: root });
const models = new Map<string, { model: FileModel; policies: readonly Policy[] }>();

function modelOf(
  library: string,
  options: string | undefined,
  versions?: Readonly<Record<string, string>>,
): { model: FileModel; policies: readonly Policy[] } {
  const project = versions ?? TEMPLATES[library]?.project ?? {};
  const projectKey = JSON.stringify(project);
  const key = `${library}\u0000${options ?? ''}\u0000${projectKey}`;
  const hit = models.get(key);
  if (hit) return hit;
  const template = TEMPLATES[library];
  if (!template) throw new Error(`no template for ${library}`);
  // A project folder per library, with the package.json whose declared versions the analysis reads.
  const dir = join(root, `${library}${versions ? `-${projectKey}` : ''}`.replace(/[^a-z0-9.-]/gi, '_'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: project }));
  const filename = join(dir, template.file ?? 'server.js');
  mkdirSync(dirname(filename), { recursive: true });
  const source = template.source(options);
  const messages = linter.verify(source, [{ ...plugin.configs.strict, files: ['**/*.js'] } as never], filename);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${library}: ${fatal.message}\n${source}`);
  const model = plugin.fileModelOf(linter.getSourceCode().ast as never);
  if (!model) throw new Error(`${library}: no model`);
  const entry = { model, policies: model.policies.filter((p) => p.kind === 'options') };
  models.set(key, entry);
  return entry;
}

/**
 * What the analysis says the library sends to a request (`<unknown: ...>` when it can't tell); `versions`:
 * the package.json dependencies of the project the file is linted in (default: the template's).
 */
export function predict(
  library: string,
  options: string | undefined,
  origin: string | undefined,
  kind: Kind,
  versions?: Readonly<Record<string, string>>,
): Observed {
  const { policies } = modelOf(library, options, versions);
  if (policies.length === 0) return { acao: undefined, acac: undefined };
  if (policies.length > 1) return { acao: `<unknown: ${policies.length} policies>`, acac: undefined };
  const policy = policies[0]!;
  const lib = policy.library;
  const credentials = policy.credentials.allowed;
  if (credentials === 'unknown') return { acao: '<unknown: credentials>', acac: undefined };
  // Without an Origin the settings are asked about an origin nothing admits.
  const decision = decide(policy, origin ?? 'https://no-origin.invalid');
  const answer = decision.allowOrigin;
  if (answer.kind === 'unknown') return { acao: `<unknown: ${answer.why}>`, acac: undefined };
  if (origin === undefined && lib?.withoutOrigin === 'omit') return { acao: undefined, acac: undefined };
  if (origin === undefined && kind === 'preflight' && lib?.preflightNeedsOrigin)
    return { acao: undefined, acac: undefined };
  const reflected = answer.kind === 'value' && answer.reflected;
  const sent = answer.kind === 'value' ? answer.value : undefined;
  const viaFunction = (...via: string[]) => policy.origins.some((s) => s.type === 'reflect' && via.includes(s.via));
  // An origin function given no Origin returns nothing to send (`ctx.get('Origin')` is '').
  const functionGetsNothing = origin === undefined && reflected && viaFunction('callback-returns');
  let acao = sent;
  if (origin === undefined) acao = functionGetsNothing ? undefined : withoutOrigin(policy, acao, reflected);
  const deniedByCallback = functionGetsNothing || (sent === undefined && viaFunction('callback', 'callback-returns'));
  const alone = lib?.credentialsAlone;
  const credentialsGo =
    acao !== undefined ||
    alone === 'always' ||
    (alone === 'unless-callback-denies' && !deniedByCallback) ||
    (alone === 'actual-request-without-origin' && origin === undefined && kind === 'get' && reflected);
  const dropped = acao === '*' && kind === 'get' && lib?.wildcardWithCredentials === 'drops-credentials';
  const withheld =
    (origin === undefined && lib?.credentialsWithoutOrigin === 'omitted') ||
    (acao === '*' && policy.credentials.byDefault === true && lib?.defaultCredentialsNotWithWildcard === true);
  // restify-cors-middleware: a preflight it answers always carries credentials, whatever the option says.
  if (kind === 'preflight' && acao !== undefined && lib?.preflightAlwaysCredentials) return { acao, acac: 'true' };
  return { acao, acac: credentials === true && credentialsGo && !dropped && !withheld ? 'true' : undefined };
}

/** A request without Origin: the table row says what the library sends then. */
function withoutOrigin(policy: Policy, probe: string | undefined, reflected: boolean): string | undefined {
  const lib = policy.library;
  if (lib?.withoutOrigin === 'omit') return undefined;
  if (lib?.withoutOrigin === 'wildcard') return '*';
  // A fixed origin or `*` is sent as configured; a reflection has nothing to reflect.
  if (probe !== undefined && !reflected) return probe;
  return reflected ? lib?.reflectWithoutOrigin : undefined;
}

/** The attacker origin the analysis names for the option's origin check, if it judges one unsafe. */
export function witnessFor(
  library: string,
  options: string | undefined,
  versions?: Readonly<Record<string, string>>,
): string | undefined {
  const { policies } = modelOf(library, options, versions);
  for (const policy of policies) {
    const w = policyWitness(policy);
    if (w) return w.finding.witness;
  }
  return undefined;
}
