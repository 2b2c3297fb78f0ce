import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

function alwaysAllowCredentials(_req: any, res: any, next: () => void) {
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({
    origin: true,
    credentials: true,
    methods: 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS',
  });
  app.use(alwaysAllowCredentials);
  await app.listen(process.env.PORT ?? 3000, '0.0.0.0');
}
bootstrap();
