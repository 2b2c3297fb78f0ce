import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { setupCors } from './setup/cors';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  setupCors(app);
  await app.listen(3000);
}
bootstrap();
