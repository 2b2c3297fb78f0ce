import { setCors } from '../lib/cors.js';

export default function handler(req, res) {
  setCors(req, res);
  if (req.method === 'OPTIONS') return res.status(204).end();
  res.status(200).json({ rows: [] });
}
