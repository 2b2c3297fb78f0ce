import { defineConfig } from 'vite';

// Adds the same response header to everything the dev server answers.
const openHeadersPlugin = {
  name: 'open-response-headers',
  configureServer(devServer) {
    devServer.middlewares.use((_request, response, proceed) => {
      response.setHeader('Access-Control-Allow-Origin', '*');
      proceed();
    });
  },
};

export default defineConfig({
  plugins: [openHeadersPlugin],
});
