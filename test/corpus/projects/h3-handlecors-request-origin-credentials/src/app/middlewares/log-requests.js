import { fromNodeMiddleware } from 'h3'

export default fromNodeMiddleware((req, _res, next) => {
  console.log(`${req.method} ${req.url}`)
  next()
})
