require('dotenv').config();
const http = require('http');
const { Server } = require('socket.io');
const app = require('./app');
const crossOrigin = require('./src/app/config/cors');

const server = http.createServer(app);
const io = new Server(server, { cors: crossOrigin });

io.on('connection', (socket) => {
  socket.join(`user_${socket.handshake.auth.userId}`);
});

server.listen(8080);
