// allowed front ends
const permitted = ['http://localhost:9090/'];

export const corsSetup = {
  origin: (origin, callback) => {
    if (permitted.indexOf(origin) !== -1 || !origin) {
      callback(null, true);
    } else {
      callback(new Error('Not Allowed by CORS'));
    }
  },
  credential: true,
  optionsSuccessStatus: 200,
};
