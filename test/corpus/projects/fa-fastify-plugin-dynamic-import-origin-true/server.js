import api from './app/app.js';

await api.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
