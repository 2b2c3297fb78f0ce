/**
 * The grid: for each library, the option shapes it accepts (written as source, so the analysis reads the
 * same text the runtime evaluates), and the request origins each shape is tried with.
 */
export const TRUSTED = 'https://trusted.example';
export const OTHER = 'https://other.example';
export const EVIL = 'https://evil.example';

export interface Shape {
  readonly name: string;
  /** Options source; undefined: the library is called without options. */
  readonly source: string | undefined;
}

const LIST = `['${TRUSTED}', '${OTHER}']`;
const cred = (s: string) => s.replace(/ }$/, ', credentials: true }');

/** Shapes with and without credentials. */
function both(name: string, source: string): Shape[] {
  return [
    { name, source },
    { name: `${name} + credentials`, source: cred(source) },
  ];
}

const common: Shape[] = [
  { name: 'no options', source: undefined },
  { name: '{}', source: '{}' },
  { name: '{ credentials: true }', source: '{ credentials: true }' },
  ...both("origin '*'", "{ origin: '*' }"),
  ...both('origin string', `{ origin: '${TRUSTED}' }`),
  ...both('origin list', `{ origin: ${LIST} }`),
  ...both('origin list of one', `{ origin: ['${TRUSTED}'] }`),
];
const withTrue = [...both('origin true', '{ origin: true }')];
const withRegex = [
  ...both('origin anchored regex', `{ origin: /^https:\\/\\/trusted\\.example$/ }`),
  ...both('origin suffix regex', `{ origin: /trusted\\.example$/ }`),
  ...both('origin list with regex', `{ origin: [/^https:\\/\\/trusted\\.example$/, '${OTHER}'] }`),
];
const withNull = [...both("origin list with 'null'", `{ origin: ['null', '${TRUSTED}'] }`)];
const callbackFns = [
  ...both('origin callback allowing all', '{ origin: (origin, cb) => cb(null, true) }'),
  ...both('origin callback allowing a list', `{ origin: (origin, cb) => cb(null, ${LIST}.includes(origin)) }`),
];

/** hapi's `cors` route option, also as glue's `manifest.server.routes.cors`. */
const HAPI: Shape[] = [
  { name: 'no options', source: undefined },
  { name: 'cors: true', source: 'true' },
  { name: '{}', source: '{}' },
  { name: '{ credentials: true }', source: '{ credentials: true }' },
  ...both("origin ['*']", "{ origin: ['*'] }"),
  ...both('origin list', `{ origin: ${LIST} }`),
  ...both('origin list of one', `{ origin: ['${TRUSTED}'] }`),
  ...both('origin wildcard pattern', "{ origin: ['https://*trusted.example'] }"),
  ...both("origin list with 'null'", `{ origin: ['null', '${TRUSTED}'] }`),
];

/** Firebase Functions v2: the value of the `cors` option (`onRequest({ cors: X }, handler)`), which is `origin`. */
const FIREBASE: Shape[] = [
  { name: 'no options', source: undefined },
  { name: 'cors: true', source: 'true' },
  { name: 'cors: false', source: 'false' },
  { name: "cors: '*'", source: "'*'" },
  { name: 'cors: string', source: `'${TRUSTED}'` },
  { name: 'cors: list', source: LIST },
  { name: 'cors: list of one', source: `['${TRUSTED}']` },
  { name: 'cors: []', source: '[]' },
  { name: "cors: ''", source: "''" },
  { name: 'cors: anchored regex', source: '/^https:\\/\\/trusted\\.example$/' },
  { name: 'cors: suffix regex', source: '/trusted\\.example$/' },
  { name: 'cors: list of one suffix regex', source: '[/trusted\\.example$/]' },
  { name: 'cors: list with regex', source: `[/^https:\\/\\/trusted\\.example$/, '${OTHER}']` },
  { name: "cors: list with 'null'", source: `['null', '${TRUSTED}']` },
];

/** The shapes each library's API takes (others are skipped, not failed). */
export const SHAPES: Record<string, Shape[]> = {
  cors: [...common, ...withTrue, ...withRegex, ...withNull, ...callbackFns],
  'fastify-cors': [...common, ...withTrue, ...withRegex, ...withNull, ...callbackFns],
  // The old `fastify-cors` 5.2.0 (fastify 3): what it sends to an origin it does not admit.
  'fastify-cors@5': [...common, ...withTrue, ...withRegex, ...withNull, ...callbackFns],
  'socket.io': [...common, ...withTrue, ...withRegex, ...callbackFns],
  'nestjs-fastify': [...common, ...withTrue, ...withRegex, ...callbackFns],
  'apollo-lambda': [...common, ...withTrue, ...withRegex],
  'koa-cors@5': [
    ...common.filter((s) => !s.name.startsWith('origin list')),
    ...both('origin function reflecting', "{ origin: (ctx) => ctx.get('Origin') }"),
    ...both(
      'origin function allowing a list',
      `{ origin: (ctx) => (${LIST}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }`,
    ),
  ],
  'koa-cors@4': common.filter((s) => !s.name.startsWith('origin list')),
  'koa2-cors': [
    ...common.filter((s) => !s.name.startsWith('origin list')),
    ...both('origin function reflecting', "{ origin: (ctx) => ctx.get('Origin') }"),
  ],
  hapi: HAPI,
  glue: HAPI,
  h3: [
    ...common.filter((s) => s.name !== 'no options' && !s.name.startsWith('origin list')),
    ...both('origin list', `{ origin: ${LIST} }`),
    ...both('origin list of one', `{ origin: ['${TRUSTED}'] }`),
    ...both('origin list with regex', `{ origin: [/^https:\\/\\/trusted\\.example$/, '${OTHER}'] }`),
    ...both('origin list with suffix regex', `{ origin: [/trusted\\.example$/] }`),
    ...withNull,
    ...both('origin function allowing all', '{ origin: (origin) => true }'),
    ...both('origin function allowing a list', `{ origin: (origin) => ${LIST}.includes(origin) }`),
  ],
  hono: [
    ...common,
    ...both('origin function reflecting', '{ origin: (origin) => origin }'),
    ...both('origin function allowing a list', `{ origin: (origin) => (${LIST}.includes(origin) ? origin : null) }`),
  ],
  // hono 3 (3.12.12; 3.0.0 to 4.6.4 choose the origin the same way): `*` with credentials, function origins, lists.
  'hono@3': [
    ...common,
    ...both('origin function reflecting', '{ origin: (origin) => origin }'),
    ...both('origin function allowing a list', `{ origin: (origin) => (${LIST}.includes(origin) ? origin : null) }`),
    ...both(
      'origin function with a fallback',
      `{ origin: (origin) => (${LIST}.includes(origin) ? origin : '${TRUSTED}') }`,
    ),
  ],
  middy: [
    { name: 'no options', source: undefined },
    { name: '{}', source: '{}' },
    ...both("origin '*'", "{ origin: '*' }"),
    ...both('origin string', `{ origin: '${TRUSTED}' }`),
    ...both('origins list', `{ origins: ${LIST} }`),
    ...both('getOrigin reflecting', '{ getOrigin: (origin) => origin }'),
  ],
  yoga: [
    { name: 'no options', source: undefined },
    { name: 'cors: false', source: 'false' },
    { name: 'cors: true', source: 'true' },
    { name: '{}', source: '{}' },
    { name: '{ credentials: false }', source: '{ credentials: false }' },
    ...both("origin '*'", "{ origin: '*' }"),
    ...both('origin string', `{ origin: '${TRUSTED}' }`),
    ...both('origin list', `{ origin: ${LIST} }`),
    ...both('origin list of one', `{ origin: ['${TRUSTED}'] }`),
    { name: 'origin []', source: '{ origin: [] }' },
    { name: 'origin string with a star', source: "{ origin: 'https://*.trusted.example' }" },
    {
      name: 'options factory',
      source: "(request) => ({ origin: ['https://trusted.example', 'https://other.example'], credentials: true })",
    },
  ],
  // GraphQL Yoga 2 (`createServer` of @graphql-yoga/node): the same shapes as Yoga 5.
  get 'yoga@2'(): Shape[] {
    return this.yoga!;
  },
  elysia: [
    ...common,
    ...withTrue,
    ...withRegex,
    { name: 'credentials: false', source: '{ credentials: false }' },
    { name: 'scheme-less origin string', source: "{ origin: 'trusted.example' }" },
    ...both('origin function allowing all', '{ origin: (request) => true }'),
    ...both(
      'origin function allowing a list',
      `{ origin: (request) => ${LIST}.includes(request.headers.get('origin')) }`,
    ),
  ],
  'apollo-standalone': [{ name: 'no options', source: undefined }],
  'firebase-functions': FIREBASE,
  'firebase-callable': FIREBASE,
  'itty-router-v4': [
    { name: 'no options', source: undefined },
    { name: '{}', source: '{}' },
    { name: "origins ['*']", source: "{ origins: ['*'] }" },
    { name: 'origins list', source: `{ origins: ${LIST} }` },
    { name: 'origins list of one', source: `{ origins: ['${TRUSTED}'] }` },
    { name: "origins list with 'null'", source: `{ origins: ['null', '${TRUSTED}'] }` },
    { name: 'origins list with regex', source: `{ origins: [/trusted\\.example$/] }` },
    { name: 'origins function allowing all', source: '{ origins: (origin) => true }' },
    { name: 'origins function allowing a list', source: `{ origins: (origin) => ${LIST}.includes(origin) }` },
    // A credentials header written in `headers` goes out with every response.
    ...[
      ["origins ['*']", "['*']"],
      ['origins list', LIST],
      ['no origins', undefined],
    ].flatMap(([name, origins]) =>
      ["'true'", 'true'].map((value) => ({
        name: `${name ?? ''} + headers credentials ${value}`,
        source: `{ ${origins ? `origins: ${origins}, ` : ''}headers: { 'Access-Control-Allow-Credentials': ${value} } }`,
      })),
    ),
  ],
  'tinyhttp-cors': [
    ...common,
    ...withTrue,
    ...withRegex.filter((s) => !s.name.startsWith('origin list')),
    ...withNull,
    ...both("origin list with '*'", `{ origin: ['*', '${TRUSTED}'] }`),
    // A function's value is set as is, and `undefined` (a request without Origin) throws in setHeader: not run.
  ],
  'hattip-cors': [
    ...common.filter((s) => !s.name.startsWith('origin list')),
    ...both('origin function reflecting', "{ origin: (ctx) => ctx.request.headers.get('Origin') }"),
    ...both(
      'origin function allowing a list',
      `{ origin: (ctx) => (${LIST}.includes(ctx.request.headers.get('Origin')) ? ctx.request.headers.get('Origin') : '') }`,
    ),
  ],
  // restify-cors-middleware2: `origins` (a list); `'*'` with credentials throws unless allowCredentialsAllOrigins.
  'restify-cors': [
    { name: '{}', source: '{}' },
    { name: "origins ['*']", source: "{ origins: ['*'] }" },
    {
      name: "origins ['*'] + credentials + allowCredentialsAllOrigins",
      source: "{ origins: ['*'], credentials: true, allowCredentialsAllOrigins: true }",
    },
    ...both('origins list', `{ origins: ${LIST} }`),
    ...both('origins list of one', `{ origins: ['${TRUSTED}'] }`),
    ...both('origins anchored regex', `{ origins: [/^https:\\/\\/trusted\\.example$/] }`),
    ...both('origins suffix regex', `{ origins: [/trusted\\.example$/] }`),
    ...both('origins wildcard subdomain', "{ origins: ['https://*.trusted.example'] }"),
    ...both('origins wildcard prefix', "{ origins: ['https://trusted.*'] }"),
    ...both("origins with 'null'", `{ origins: ['null', '${TRUSTED}'] }`),
  ],
  // hapi-cors-headers takes no options.
  'hapi-cors-headers': [{ name: 'no options', source: undefined }],
  // egg-cors with `origin` set (without it, egg-security's domainWhiteList decides: not run here).
  'egg-cors': [
    ...both("origin '*'", "{ origin: '*' }"),
    ...both('origin string', `{ origin: '${TRUSTED}' }`),
    ...both('origin function reflecting', "{ origin: (ctx) => ctx.get('Origin') }"),
    ...both(
      'origin function allowing a list',
      `{ origin: (ctx) => (${LIST}.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }`,
    ),
  ],
  'micro-cors': [
    { name: 'no options', source: undefined },
    { name: '{}', source: '{}' },
    { name: 'allowCredentials: false', source: '{ allowCredentials: false }' },
    { name: "origin '*', allowCredentials: false", source: "{ origin: '*', allowCredentials: false }" },
    { name: 'origin string', source: `{ origin: '${TRUSTED}' }` },
    { name: 'origin string, allowCredentials: false', source: `{ origin: '${TRUSTED}', allowCredentials: false }` },
  ],
  'itty-router': [
    ...common,
    ...withTrue,
    ...withRegex,
    ...withNull,
    ...both('origin function reflecting', '{ origin: (origin) => origin }'),
    ...both(
      'origin function allowing a list',
      `{ origin: (origin) => (${LIST}.includes(origin) ? origin : undefined) }`,
    ),
  ],
};

/** The origins every shape is tried with, besides the analysis's own witness for it. */
export const ORIGINS: readonly (string | undefined)[] = [TRUSTED, EVIL, 'null', undefined];
