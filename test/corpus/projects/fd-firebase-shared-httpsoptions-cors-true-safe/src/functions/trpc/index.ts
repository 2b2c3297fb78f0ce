import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { onRequest } from 'firebase-functions/v2/https';
import { sharedHttpOptions } from '../../lib/functions.js';
import { appRouter } from './router.js';

export const trpc = onRequest(sharedHttpOptions, createHTTPHandler({ router: appRouter }));
