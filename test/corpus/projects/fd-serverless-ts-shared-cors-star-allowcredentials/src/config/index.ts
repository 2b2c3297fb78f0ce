// One CORS block for every http event of the service.
export const cors = {
  allowCredentials: true,
  origin: '*',
  headers: ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent'],
};
