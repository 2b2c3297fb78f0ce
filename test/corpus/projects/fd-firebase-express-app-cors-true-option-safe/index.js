import { onRequest } from 'firebase-functions/v2/https';
import server from './app.js';

// The whole Express app is one v2 HTTPS function, with the platform's cors option switched on.
export const api = onRequest({ cors: true, region: 'us-central1' }, server);
