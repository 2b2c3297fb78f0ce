import type { CorsOptions } from 'cors';

function escapeForRegex(text: string) {
  return text.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
}

export function getCorsOptions(domain: string): CorsOptions {
  const pattern = new RegExp(`^http(s)?://(.*\\.)?${escapeForRegex(domain)}(:\\d{1,5})?$`);
  return {
    origin: pattern,
    credentials: true,
    allowedHeaders: ['Authorization', 'Content-Type'],
  };
}
