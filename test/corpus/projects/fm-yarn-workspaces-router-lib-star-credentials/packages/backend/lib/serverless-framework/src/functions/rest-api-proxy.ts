import { CORS } from './cors';

export const restApiProxyFunction = ({ name, handler, path }: { name: string; handler: string; path: string }) => ({
  [name]: {
    handler,
    events: [{ http: { path: `${path}{proxy+}`, method: 'ANY', ...CORS } }],
  },
});
