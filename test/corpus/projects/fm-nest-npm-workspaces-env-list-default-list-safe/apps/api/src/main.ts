import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);

  const fallbackOrigins = ['http://localhost:3000', 'https://market-web.herokuapp.com'];
  const allowedOrigins = process.env.CORS_ORIGIN
    ? process.env.CORS_ORIGIN.split(',').map((value) => value.trim()).filter(Boolean)
    : fallbackOrigins;

  app.enableCors({ origin: allowedOrigins, credentials: true });

  await app.listen(process.env.PORT ? Number(process.env.PORT) : 3001);
}

void bootstrap();
