import { Express } from 'express';
import cors from 'cors';

export const installCors = (app: Express) => {
  app.use(
    cors({
      origin: [
        'null',
        'http://localhost:3000',
        'http://localhost:3001',
        'https://tixo-git-development-tixo.vercel.app',
        /\.tixo\.com$/,
        // previews: tixo + anything + vercel.app
        /https:\/\/tixo.*\.vercel\.app$/,
      ],
      credentials: true,
    }),
  );
};
