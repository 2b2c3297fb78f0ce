// Token-header auth for the API (a custom header, hence Allow-Headers: Token in nuxt.config.ts).
const open = ['/api/users/login', '/api/products']

export default defineEventHandler(async (event) => {
  if (open.includes(event.path)) return
  const token = getHeader(event, 'token')
  if (!token) throw createError({ status: 401, message: 'Missing authentication header' })
})
