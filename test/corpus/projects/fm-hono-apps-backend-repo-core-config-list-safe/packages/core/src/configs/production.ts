import type { Config } from './default';

export default {
  mode: 'production',
  backendUrl: 'https://app.starter.dev/api',
  frontendUrl: 'https://app.starter.dev',
} satisfies Config;
