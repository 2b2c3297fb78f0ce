import { NextResponse, type NextRequest } from 'next/server';
import { corsHeaders } from '@/lib/cors';

export function OPTIONS(req: NextRequest) {
  return new NextResponse(null, { status: 204, headers: corsHeaders(req.headers.get('origin')) });
}

export async function GET(req: NextRequest) {
  const user = req.cookies.get('session')?.value ?? null;
  return NextResponse.json({ user }, { headers: corsHeaders(req.headers.get('origin')) });
}
