function allowCors(req, res) {
  const origin = req.headers.origin;
  if (/^https:\/\/shop.example.com/.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
}
module.exports = { allowCors };
