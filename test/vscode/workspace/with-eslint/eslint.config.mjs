// A project whose ESLint loads CORS Guard: disable quick fixes may write eslint-disable directives.
import corsGuard from 'eslint-plugin-cors-guard';

export default [corsGuard.configs.recommended];
