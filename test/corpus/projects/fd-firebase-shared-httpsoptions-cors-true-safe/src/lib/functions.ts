import type { HttpsOptions } from 'firebase-functions/v2/https';

// Shared by every HTTPS function of the project.
export const sharedHttpOptions: HttpsOptions = {
  region: 'australia-southeast1',
  cors: true,
};
