'use strict'

const Fastify = require('fastify')

const app = Fastify()
app.register(require('./utils/cors'))
app.get('/reports', async () => [])
app.listen({ port: 3000 })
