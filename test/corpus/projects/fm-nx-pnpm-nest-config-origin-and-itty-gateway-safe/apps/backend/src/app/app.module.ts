import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig } from './config/configuration';

@Module({ imports: [ConfigModule.forRoot({ isGlobal: true, load: [appConfig] })] })
export class AppModule {}
