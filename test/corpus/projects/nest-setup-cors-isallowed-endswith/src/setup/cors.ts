import type { INestApplication } from '@nestjs/common';
import { isAllowedOrigin } from '../common/origin';

export function setupCors(app: INestApplication): void {
  app.enableCors({
    origin: (origin: string | undefined, cb: (err: Error | null, allow?: boolean) => void) => {
      if (!origin || isAllowedOrigin(origin)) cb(null, true);
      else cb(new Error('origin not allowed'));
    },
    credentials: true,
  });
}
