// A project whose ESLint does not load CORS Guard: an eslint-disable naming cors-guard/* would fail there.
export default [{ rules: { 'no-unused-vars': 'error' } }];
