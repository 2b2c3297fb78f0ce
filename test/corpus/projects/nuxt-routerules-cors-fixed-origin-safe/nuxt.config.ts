export default defineNuxtConfig({
  devtools: { enabled: true },
  routeRules: {
    'api/**': {
      cors: true,
      headers: {
        'Access-Control-Allow-Origin': 'http://localhost:3000',
        'Access-Control-Allow-Headers': 'Content-Type, Token',
      },
    },
  },
})
