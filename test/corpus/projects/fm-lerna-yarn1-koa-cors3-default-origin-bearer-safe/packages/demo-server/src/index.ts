import { buildSimpleApp } from '@plm/server-api';

const app = buildSimpleApp({ prefix: '/api', cors: true });

app.listen(Number(process.env.PORT ?? 3000));
