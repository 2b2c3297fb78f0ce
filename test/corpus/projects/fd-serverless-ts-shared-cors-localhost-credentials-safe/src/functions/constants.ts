export const cors = {
  origin: 'http://localhost:3164',
  headers: ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amzn-Trace-Id'],
  allowCredentials: true,
};
