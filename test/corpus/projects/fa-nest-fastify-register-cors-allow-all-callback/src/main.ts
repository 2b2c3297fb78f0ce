import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastify from 'fastify';
import { AppModule } from './app.module';
import { crossOriginConfig } from './helpers/cors-handler';

async function bootstrap() {
  const instance = fastify();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(instance as any), {
    logger: false,
  });
  app.setGlobalPrefix('api');
  instance.register(require('@fastify/cookie'), { secret: process.env.COOKIE_SECRET });
  app.register(require('@fastify/cors'), crossOriginConfig);
  await app.listen(4016, '::');
}
bootstrap();
