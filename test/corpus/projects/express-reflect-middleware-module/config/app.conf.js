module.exports = function allowCrossOrigin(req, res, next) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, authorization');
  res.setHeader('Access-Control-Allow-Credentials', true);
  next();
};
