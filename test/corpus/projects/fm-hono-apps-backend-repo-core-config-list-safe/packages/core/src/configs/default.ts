export const defaults = {
  mode: 'development',
  backendUrl: 'http://localhost:3000',
  frontendUrl: 'http://localhost:5173',
};

export type Config = Partial<typeof defaults>;
