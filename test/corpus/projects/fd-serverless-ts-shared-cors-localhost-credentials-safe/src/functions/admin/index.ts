import { cors } from '@functions/constants';

export const adminFunctions = {
  adminLogin: {
    handler: 'src/functions/admin/handlers.login',
    events: [{ http: { method: 'post', path: 'admin/login', cors } }],
  },
  adminClaimed: {
    handler: 'src/functions/admin/handlers.claimed',
    events: [{ http: { method: 'post', path: 'admin/claimed', cors } }],
  },
};
