module.exports = (req, res) => {
  const origin = req.headers.origin || '';
  let host = '';
  try {
    host = new URL(origin).hostname;
  } catch {}
  if (host.endsWith('webflow.io') || host === 'sitrix.ca') {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  if (req.method === 'OPTIONS') return res.status(204).end();
  return res.status(200).json({ subscribed: true });
};
