/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return { name: 'csv-tools', removal: input?.stage === 'production' ? 'retain' : 'remove', home: 'aws' };
  },
  async run() {
    const coreApi = await import('./infrastructure/api');
    new sst.aws.SvelteKit('Frontend', {
      link: [coreApi.apiGateway],
      environment: { PRIVATE_CORE_API_URL: coreApi.apiGateway.url },
    });
  },
});
