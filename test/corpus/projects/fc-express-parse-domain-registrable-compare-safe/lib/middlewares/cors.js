'use strict'
var cors = require('cors')
var parseDomain = require('parse-domain')

module.exports = cors({
  methods: 'GET,PUT,POST,PATCH,DELETE',
  origin: function (origin, callback) {
    if (process.env.ALLOW_ALL_CORS) {
      return callback(null, true)
    }
    var parsedOrigin = parseDomain(origin) || {}
    var ok = [process.env.FULL_API_DOMAIN, process.env.FULL_FRONTEND_DOMAIN].some(function (d) {
      var parsedOwn = parseDomain(d) || {}
      return parsedOrigin.domain === parsedOwn.domain && parsedOrigin.tld === parsedOwn.tld
    })
    callback(null, ok)
  },
  credentials: true
})
