function corsDomainMatch(origin, domain) {
  const pattern = domain.replace(/\./g, '\\.') + '(:3033)?$';
  return new RegExp(pattern, 'm').test(origin);
}

module.exports = corsDomainMatch;
