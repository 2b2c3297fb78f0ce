const io = require('socket.io')(3000, {
  path: '/socket',
  cors: { origin: '*' },
  credentials: true,
});

io.on('connection', (socket) => {
  socket.on('ping', () => socket.emit('pong'));
});
