// Written like an @adonisjs/cors config, but that package is not installed and
// start/kernel.ts never registers its middleware: nothing reads this file.
import { defineConfig } from '@adonisjs/core/http'

const corsSettings = defineConfig({
  enabled: true,
  origin: true,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'],
  headers: true,
  exposeHeaders: [],
  credentials: true,
  maxAge: 90,
})

export default corsSettings
