const waiting: Array<any> = [];

const io = require('socket.io')(3000, {
  cors: {
    origin: ['http://localhost:8100'],
  },
});

io.on('connection', (socket: any) => {
  socket.on('queue-up', (uid: string, done: Function) => {
    socket.data.uid = uid;
    waiting.push(socket);
    done();
  });
  socket.on('disconnect', () => {
    waiting.splice(waiting.indexOf(socket), 1);
  });
});
