import { NextResponse } from 'next/server';
import { getCorsHeaders } from '../../../lib/utils/cors';

export async function OPTIONS(request: Request) {
  return new NextResponse(null, { status: 204, headers: getCorsHeaders(request.headers.get('origin')) });
}

export async function GET(request: Request) {
  return NextResponse.json({ items: [] }, { headers: getCorsHeaders(request.headers.get('origin')) });
}
