import { cors } from 'hono/cors';

export const crossOrigin = () =>
  cors({
    origin: (requestOrigin) => {
      let answer = 'http://localhost:5173';
      if (requestOrigin.startsWith('https://identity-front.pages.dev') || requestOrigin.startsWith('https://localhost'))
        answer = requestOrigin;
      return answer;
    },
  });
