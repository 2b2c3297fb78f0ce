import { ThrowableRouter, withParams } from 'itty-router-extras';

export default function buildRouter() {
  const router = ThrowableRouter();
  router.options('*', () => Response.json({ success: true }));
  router.get('/api/avatars/:id', withParams, ({ params }: { params: { id: string } }) =>
    Response.json({ avatar: params.id }),
  );
  return router;
}
