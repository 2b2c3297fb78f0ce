import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);

  const webOrigins = process.env.WEB_ORIGIN?.split(',')
    .map((value) => value.trim())
    .filter(Boolean);

  app.enableCors({
    origin: webOrigins?.length ? webOrigins : true,
    credentials: true,
  });

  await app.listen(Number(process.env.PORT) || 3000, '0.0.0.0');
}

bootstrap();
