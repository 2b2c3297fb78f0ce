import corsAnywhere from 'cors-anywhere';
import * as Settings from '../../../config';

export const proxy = corsAnywhere.createServer({
  originWhitelist: [`http://127.0.0.1:${Settings.webappPort}`, `http://localhost:${Settings.webappPort}`],
});

proxy.listen(Settings.corsProxyPort, '127.0.0.1', () => {
  console.log(`CORS bypass proxy on ${Settings.corsProxyPort}`);
});
