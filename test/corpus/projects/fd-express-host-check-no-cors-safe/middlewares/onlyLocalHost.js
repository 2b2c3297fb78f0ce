const permittedHosts = ['localhost'];

module.exports = (req, res, next) => {
  if (permittedHosts.indexOf(req.hostname) === -1) {
    return res.status(403).json({ message: 'RESTRICTED' });
  }
  next();
};
