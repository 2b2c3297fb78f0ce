import { NextResponse, type NextRequest } from 'next/server';
import { applyCors } from './lib/cors';

export function middleware(request: NextRequest) {
  return applyCors(NextResponse.next(), request.headers.get('origin'));
}

export const config = { matcher: '/api/:path*' };
