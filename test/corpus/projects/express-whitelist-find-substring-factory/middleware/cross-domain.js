module.exports = (whiteList) => (req, res, next) => {
  const origin = req.get('Origin');
  if (origin) {
    const hit = whiteList.find((entry) => origin.indexOf(entry) !== -1);
    if (hit) {
      res.header('Access-Control-Allow-Origin', origin);
      res.header('Access-Control-Allow-Credentials', true);
      res.header('Access-Control-Allow-Methods', 'POST,GET,OPTIONS');
    }
  }
  next();
};
