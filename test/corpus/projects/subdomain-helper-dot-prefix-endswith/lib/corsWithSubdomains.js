module.exports = function corsWithSubdomains(domains) {
  if (!Array.isArray(domains)) throw new Error('domains must be an array');
  return function checkOrigin(origin, callback) {
    const ok = domains.some((d) => ('.' + origin).endsWith(d));
    callback(null, ok);
  };
};
