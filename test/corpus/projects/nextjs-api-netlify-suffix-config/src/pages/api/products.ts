import type { NextApiRequest, NextApiResponse } from 'next';
import Cors from 'cors';
import corsConfig from './cors-config';

const cors = Cors(corsConfig);

function run(req: NextApiRequest, res: NextApiResponse) {
  return new Promise((resolve, reject) => cors(req, res, (r: unknown) => (r instanceof Error ? reject(r) : resolve(r))));
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  await run(req, res);
  res.json({ products: [] });
}
