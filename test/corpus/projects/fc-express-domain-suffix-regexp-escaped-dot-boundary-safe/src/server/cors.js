const nconf = require('nconf')
const domainMatches = require('./CORSDomainMatch')

module.exports = function initCors(app) {
  app.use((request, response, next) => {
    const origin = request.get('origin') || ''
    const workDomain = nconf.get('server:workdomain')
    if (domainMatches(origin, workDomain)) {
      response.setHeader('Access-Control-Allow-Origin', origin)
    }
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS, PUT, PATCH, DELETE')
    response.setHeader('Access-Control-Allow-Headers', 'X-Requested-With,content-type')
    response.setHeader('Access-Control-Allow-Credentials', true)
    next()
  })
  return app
}
