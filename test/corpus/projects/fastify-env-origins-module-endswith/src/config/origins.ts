const config = { cors: { allowedOrigins: ['.fieldnotes.dev', 'localhost:5173'] } };

export const isOriginAllowed = (origin: string): boolean =>
  config.cors.allowedOrigins.some((allowed) => {
    if (allowed.startsWith('.')) {
      return origin.endsWith(allowed.substring(1)) || origin === allowed.substring(1);
    }
    return origin === `https://${allowed}` || origin === `http://${allowed}`;
  });
