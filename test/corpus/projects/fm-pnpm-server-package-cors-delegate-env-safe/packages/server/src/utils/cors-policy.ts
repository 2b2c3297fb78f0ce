import { lookupChatflowDomains } from './chatflow-domains';

const readAllowedOrigins = (): string => process.env.CORS_ORIGINS ?? '';
const credentialsRequested = (): boolean => process.env.CORS_ALLOW_CREDENTIALS === 'true';

const SESSION_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refreshtoken'];

function parseList(raw: string): string[] {
  if (!raw) return [];
  if (raw === '*') return ['*'];
  return raw
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry.length > 0);
}

function appOrigin(): string[] {
  try {
    return process.env.APP_URL ? [new URL(process.env.APP_URL).origin.toLowerCase()] : [];
  } catch {
    return [];
  }
}

// A cors options delegate: credentials are forced off whenever the list is '*'.
export function buildCorsDelegate() {
  return (req: { url: string }, done: (err: Error | null, options?: unknown) => void) => {
    const raw = readAllowedOrigins();
    const credentials = raw === '*' ? false : credentialsRequested();
    done(null, {
      credentials,
      origin: async (origin: string | undefined, answer: (err: Error | null, allow?: boolean) => void) => {
        const list = parseList(raw);
        const lower = origin?.toLowerCase();
        if (!lower) return answer(null, true);
        if (lower === 'null') return answer(null, false);
        if (SESSION_PATHS.some((path) => req.url.split('?')[0].toLowerCase().startsWith(path))) {
          return answer(null, appOrigin().includes(lower) || list.includes(lower));
        }
        const globally = raw === '*' || list.includes(lower);
        if (req.url.startsWith('/api/v1/prediction/')) {
          const flowId = req.url.split('/')[4];
          const perFlow = flowId ? (await lookupChatflowDomains(flowId)).includes(lower) : false;
          return answer(null, globally || perFlow);
        }
        return answer(null, globally);
      },
    });
  };
}
