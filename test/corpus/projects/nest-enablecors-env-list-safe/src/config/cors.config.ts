export function buildCorsConfig() {
  const origins = (process.env.CORS_ORIGINS ?? 'http://localhost:4200').split(',').map((o) => o.trim());
  return {
    origin: origins,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
  };
}
