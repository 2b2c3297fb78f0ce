import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';

const socketOrigins = process.env.WEB_ORIGIN?.split(',')
  .map((value) => value.trim())
  .filter(Boolean);

@WebSocketGateway({ cors: { origin: socketOrigins?.length ? socketOrigins : '*' } })
export class RoomGateway {
  @WebSocketServer() server!: Server;

  @SubscribeMessage('joinRoom')
  join(@MessageBody() data: { roomId: string }, @ConnectedSocket() client: Socket) {
    client.join(data.roomId);
    this.server.to(data.roomId).emit('joined', client.id);
  }
}
