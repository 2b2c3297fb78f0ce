import { defineSecret } from 'firebase-functions/params';
import { setGlobalOptions } from 'firebase-functions/v2';
import { onCall } from 'firebase-functions/v2/https';

setGlobalOptions({ maxInstances: 10, region: 'me-west1' });

const driveKey = defineSecret('DRIVE_CREDENTIALS');

// A callable without a cors option: the platform defaults to cors: true for callables.
export const listDriveFiles = onCall({ secrets: [driveKey] }, async () => {
  const credentials = JSON.parse(Buffer.from(driveKey.value(), 'base64').toString('utf-8'));
  return Object.keys(credentials);
});
