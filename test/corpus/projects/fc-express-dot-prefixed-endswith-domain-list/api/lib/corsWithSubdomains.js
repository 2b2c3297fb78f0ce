'use strict'

// Accepts an origin when it is one of the domains or any subdomain of them.
module.exports = function corsWithSubdomains(domains) {
  if (!domains) throw new Error('a list of origin domains is required')
  return function (origin, callback) {
    const ok = domains.some((d) => ('.' + origin).endsWith(d))
    callback(null, ok)
  }
}
