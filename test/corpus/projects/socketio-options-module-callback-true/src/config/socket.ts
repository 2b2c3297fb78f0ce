import type { ServerOptions } from 'socket.io';

export const socketOptions: Partial<ServerOptions> = {
  path: '/ws',
  cors: {
    origin: (_origin, cb) => cb(null, true),
    credentials: true,
  },
};
