import app from './middlewares';

app.get('/users/me', (c) => c.json({ id: 'me' }));

export default app;
