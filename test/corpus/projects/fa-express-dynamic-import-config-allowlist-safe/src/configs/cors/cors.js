import cors from 'cors';
import config from './config.js';

export default (app) => {
  const options = {
    credentials: true,
    origin(origin, callback) {
      if (config.whitelist.indexOf(origin) !== -1 || !origin) {
        callback(null, true);
      } else {
        callback(new Error('Not allowed by CORS'));
      }
    },
  };
  app.use(cors(options));
};
