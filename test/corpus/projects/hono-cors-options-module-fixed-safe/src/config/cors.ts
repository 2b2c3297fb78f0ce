export const corsOptions = {
  origin: ['https://crm.tallpine.co', 'http://localhost:5173'],
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  credentials: true,
};
