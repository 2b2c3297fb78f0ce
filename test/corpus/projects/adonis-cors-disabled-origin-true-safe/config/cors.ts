import { defineConfig } from '@adonisjs/cors'

// CORS switched off: the middleware returns before looking at the origin.
export default defineConfig({
  enabled: false,
  origin: true,
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: true,
  exposeHeaders: [],
  credentials: true,
  maxAge: 90,
})
