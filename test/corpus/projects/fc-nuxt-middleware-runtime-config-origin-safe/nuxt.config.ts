export default defineNuxtConfig({
  runtimeConfig: {
    private: {
      corsUrl: 'https://psy.example.app',
    },
  },
})
