import type { NextApiRequest, NextApiResponse } from 'next';

export default function rooms(req: NextApiRequest, res: NextApiResponse) {
  // Reads the session cookie the game sets; the CORS headers come from next.config.js.
  const player = req.cookies.player ?? null;
  res.status(200).json({ player, rooms: [] });
}
