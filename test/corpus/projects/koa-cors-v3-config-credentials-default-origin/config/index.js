module.exports = {
  port: 9000,
  cors: {
    credentials: true,
  },
};
