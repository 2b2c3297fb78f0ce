export default function refererCors(req, res, next) {
  const { origin } = new URL(req.headers.referer);
  res.append('Access-Control-Allow-Origin', origin);
  res.append('Access-Control-Allow-Credentials', true);
  res.append('Access-Control-Allow-Methods', '*');
  next();
}
