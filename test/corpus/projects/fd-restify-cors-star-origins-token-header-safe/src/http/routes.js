module.exports = (server) => {
  server.get('/courses', (req, res, next) => {
    res.send([{ id: 1, name: 'Databases' }]);
    next();
  });
};
