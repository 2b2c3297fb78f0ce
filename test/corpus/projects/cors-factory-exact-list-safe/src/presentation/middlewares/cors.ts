import cors from 'cors';

export const createCors = (allowedOrigins: string[]) =>
  cors({
    origin: allowedOrigins,
    credentials: true,
  });
