import { createApp, eventHandler } from 'h3'
import builtIn from './middlewares'

export function buildApp(userMiddlewares = ['open-cors', 'log-requests']) {
  const app = createApp()
  for (const name of userMiddlewares) {
    if (builtIn[name]) app.use(eventHandler(builtIn[name]))
  }
  return app
}
