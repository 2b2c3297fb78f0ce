import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function start() {
  const app = await NestFactory.create(AppModule);
  app.enableCors();
  const corsMiddleware = require('cors');
  const crossOrigin = {
    origin: '*',
    credentials: true,
    optionSuccessStatus: 200,
  };
  app.use(corsMiddleware(crossOrigin));
  await app.listen(process.env.PORT || 4000);
}
start();
