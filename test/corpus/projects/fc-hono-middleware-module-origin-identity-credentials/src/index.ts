import { Hono } from 'hono'
import { corsMiddleware } from './middleware/cors.middleware'

const app = new Hono()
app.use('*', corsMiddleware)
app.get('/api/me', (c) => c.json({ team: 'alpha' }))
export default app
