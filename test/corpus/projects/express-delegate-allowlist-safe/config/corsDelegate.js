const allowlist = ['https://blog.inkwell.pub', 'http://localhost:3000'];

module.exports = function corsDelegate(req, callback) {
  const ok = allowlist.indexOf(req.header('Origin')) !== -1;
  callback(null, ok ? { origin: true, credentials: true } : { origin: false });
};
