import type { cors } from 'hono/cors'

type CorsOptions = Parameters<typeof cors>[0]

const API_HOST = 'api.agents.acme-tools.com'

/** last two labels: 'app.acme-tools.com' -> 'acme-tools.com' */
export function rootDomain(hostname: string): string {
  const parts = hostname.split('.')
  return parts.length >= 2 ? parts.slice(-2).join('.') : hostname
}

export function isOriginAllowed(origin: string | undefined): origin is string {
  if (!origin) return false
  try {
    const { hostname } = new URL(origin)
    if (hostname === 'localhost' || hostname === '127.0.0.1') return true
    return rootDomain(hostname) === rootDomain(API_HOST)
  } catch {
    return false
  }
}

export const apiCorsConfig: CorsOptions = {
  origin: (origin) => (isOriginAllowed(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  maxAge: 600,
  credentials: true,
}
