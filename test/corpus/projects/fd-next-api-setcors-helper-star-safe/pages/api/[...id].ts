import type { NextApiRequest, NextApiResponse } from 'next';
import { applyCors } from 'server/cors';

export default async function metadata(req: NextApiRequest, res: NextApiResponse) {
  applyCors(res);
  if (req.method !== 'GET') return res.status(405).end();
  const id = ([] as string[]).concat(req.query.id ?? []).join('/');
  res.setHeader('Cache-Control', 's-maxage=3600');
  return res.json({ id, name: `token ${id}` });
}
