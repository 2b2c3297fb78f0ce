export default {
  whitelist: [
    'http://localhost:4200',
    'http://localhost:4000',
  ],
};
