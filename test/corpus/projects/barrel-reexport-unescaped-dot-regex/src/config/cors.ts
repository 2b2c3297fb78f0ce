export const allowedOrigins: (string | RegExp)[] = [
  /^https:\/\/dashboard.paylane.io$/,
  'http://localhost:3000',
];

export const corsCredentials = true;
