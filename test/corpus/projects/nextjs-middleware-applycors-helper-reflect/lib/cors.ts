import type { NextResponse } from 'next/server';

export function applyCors(res: NextResponse, origin: string | null): NextResponse {
  res.headers.set('Access-Control-Allow-Origin', origin || 'http://localhost:3000');
  res.headers.set('Access-Control-Allow-Credentials', 'true');
  res.headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  return res;
}
