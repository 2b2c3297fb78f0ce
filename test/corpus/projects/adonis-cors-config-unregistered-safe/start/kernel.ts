import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('#middleware/bodyparser_middleware'),
])

router.use([() => import('@adonisjs/session/session_middleware')])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
})
