import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { socketOptions } from './config/socket';

const httpServer = createServer();
export const io = new Server(httpServer, socketOptions);

io.on('connection', (socket) => socket.emit('hello', socket.id));
httpServer.listen(3000);
