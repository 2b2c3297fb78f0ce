import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { appPort, corsConfig } from './config';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors(corsConfig);
  await app.listen(appPort);
}
bootstrap();
