// The http-event CORS block every service's serverless config spreads in (API Gateway preflight).
export const CORS = {
  cors: {
    origin: '*',
    headers: ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'access-token'],
  },
};
