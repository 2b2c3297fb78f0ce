import { INestApplication } from '@nestjs/common';

export const crossOriginOptions = {
  origin: true, // every origin
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['Content-Type', 'Authorization'],
  credentials: true, // cookies across origins
};

export const applyCors = (app: INestApplication) => {
  app.enableCors(crossOriginOptions);
};
