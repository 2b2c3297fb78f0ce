const jwt = require('jsonwebtoken');

// Every route after this one needs the x-access-token header; no cookie is read.
module.exports = () => (req, res, next) => {
  const token = req.headers['x-access-token'];
  if (!token) return res.send(401, { message: 'token required' }) && next(false);
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
    return next();
  } catch {
    res.send(403, { message: 'bad token' });
    return next(false);
  }
};
