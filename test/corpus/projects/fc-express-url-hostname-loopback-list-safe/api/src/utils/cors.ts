export class CorsError extends Error {}

const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1'];

export const CORS_CONFIG = {
  origin: (origin: string | undefined, cb: (err: Error | null, ok?: boolean) => void) => {
    if (origin) {
      const { hostname } = new URL(origin);
      if (LOCAL_HOSTNAMES.includes(hostname)) {
        cb(null, true);
        return;
      }
    }
    cb(new CorsError(), false);
  },
};
