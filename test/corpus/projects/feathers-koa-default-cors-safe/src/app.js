import { feathers } from '@feathersjs/feathers'
import configuration from '@feathersjs/configuration'
import { koa, rest, bodyParser, errorHandler, parseAuthentication, cors, serveStatic } from '@feathersjs/koa'
import socketio from '@feathersjs/socketio'

const app = koa(feathers())

// Reads config/default.json (node-config): app.get('origins') is the list above.
app.configure(configuration())

// @koa/cors with no options for the REST transport.
app.use(cors())
app.use(serveStatic(app.get('public')))
app.use(errorHandler())
app.use(parseAuthentication())
app.use(bodyParser())

app.configure(rest())
app.configure(
  socketio({
    cors: { origin: app.get('origins') },
  })
)

export { app }
