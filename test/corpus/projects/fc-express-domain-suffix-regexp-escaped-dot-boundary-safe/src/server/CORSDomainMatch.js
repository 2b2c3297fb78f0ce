// domain is given with its leading dot, e.g. '.wrdocs.io'
function domainMatches(origin, domain) {
  const pattern = domain.replace(/\./g, '\\.') + '(:3033)?$'
  return !!origin.match(new RegExp(pattern, 'm'))
}

module.exports = domainMatches
