import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { apiCorsConfig } from './middleware/cors'

const app = new Hono()
app.use('/api/*', cors(apiCorsConfig))
app.get('/api/agents', (c) => c.json([]))
export default app
