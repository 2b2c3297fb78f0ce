import rule from '../../eslint-plugin/src/rules/require-vary-origin';
import { ruleTester } from './tester';

ruleTester.run('require-vary-origin', rule, {
  valid: [
    `const allowed = new Set(['https://a.example.com']);
     app.use((req, res, next) => { const o = req.headers.origin; if (allowed.has(o)) { res.setHeader('Access-Control-Allow-Origin', o); res.setHeader('Vary', 'Origin'); } next(); });`,
    `const allowed = new Set(['https://a.example.com']);
     app.use((req, res, next) => { if (allowed.has(req.get('origin'))) { res.set('Access-Control-Allow-Origin', req.get('origin')); res.vary('Origin'); } next(); });`,
    `const allowed = new Set(['https://a.example.com']);
     app.use(async (ctx, next) => { const o = ctx.get('Origin'); ctx.vary('Origin'); if (allowed.has(o)) ctx.set('Access-Control-Allow-Origin', o); await next(); });`,
    // The \`vary\` package, and a helper that may add it (found by the sweep in @fastify/cors).
    `import vary from 'vary';
     const allowed = new Set(['https://a.example.com']);
     export function h(req, res) { if (allowed.has(req.headers.origin)) { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); vary(res, 'Origin'); } }`,
    `import { addOriginToVaryHeader } from './vary';
     const allowed = new Set(['https://a.example.com']);
     export function onRequest(req, reply) { addOriginToVaryHeader(reply); }
     export function add(req, reply) { if (allowed.has(req.headers.origin)) reply.header('Access-Control-Allow-Origin', req.headers.origin); }`,
    // A fixed origin needs no Vary; libraries send it themselves.
    `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com'); });`,
    `import cors from 'cors'; app.use(cors({ origin: ['https://a.example.com'] }));`,
    // Unchecked reflection is reported by no-origin-reflection instead.
    `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); });`,
    // `Vary` as a bare key of a headers object (an API Gateway result, a Response's headers).
    `const allowed = new Set(['https://a.example.com']);
     export const handler = async (event) => ({ headers: { ...(allowed.has(event.headers.origin) ? { 'Access-Control-Allow-Origin': event.headers.origin } : {}), Vary: 'Origin' } });`,
    `const allowed = new Set(['https://a.example.com']);
     export default { fetch(request) { const o = request.headers.get('Origin'); if (allowed.has(o)) return new Response('', { headers: { 'Access-Control-Allow-Origin': o, vary: 'Accept-Encoding, Origin' } }); return new Response(''); } };`,
  ],
  invalid: [
    {
      // A bare `Vary` key that does not name Origin.
      code: `const allowed = new Set(['https://a.example.com']);
export const handler = async (event) => ({ headers: { ...(allowed.has(event.headers.origin) ? { 'Access-Control-Allow-Origin': event.headers.origin } : {}), Vary: 'Accept-Encoding' } });`,
      errors: [{ messageId: 'missingVary', line: 2, suggestions: [] }],
    },
    {
      code: `const allowed = new Set(['https://a.example.com']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (allowed.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
      errors: [
        {
          messageId: 'missingVary',
          line: 5,
          column: 50,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'suggestVary',
              output: `const allowed = new Set(['https://a.example.com']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (allowed.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // An unbraced if body gets a block.
      code: `const allowed = ['https://a.example.com'];
app.use((req, res) => { if (allowed.includes(req.get('origin'))) res.set('Access-Control-Allow-Origin', req.get('origin')); });`,
      errors: [
        {
          messageId: 'missingVary',
          suggestions: [
            {
              messageId: 'suggestVary',
              output: `const allowed = ['https://a.example.com'];
app.use((req, res) => { if (allowed.includes(req.get('origin'))) { res.set('Access-Control-Allow-Origin', req.get('origin')); res.append('Vary', 'Origin'); } });`,
            },
          ],
        },
      ],
    },
    {
      // A Lambda headers object chosen per request.
      code: `const ALLOWED = new Set(['https://a.example.com']);
export const handler = async (event) => ({ statusCode: 200, headers: ALLOWED.has(event.headers.origin) ? { 'Access-Control-Allow-Origin': event.headers.origin } : {} });`,
      errors: [{ messageId: 'missingVary', suggestions: [] }],
    },
  ],
});
