import z from 'zod';

const schema = z.object({
  PORT: z.string(),
  FRONTEND_URL: z.string(),
  BACKEND_URL: z.string(),
  BETTER_AUTH_SECRET: z.string(),
});

export const env = schema.parse(process.env);
