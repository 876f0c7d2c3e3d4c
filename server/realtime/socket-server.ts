/**
 * The Socket.IO server: Jalon's parser and frame limits, the Redis adapter with several nodes,
 * CORS, and the handshake, which authenticates at the HTTP upgrade whenever it can, before any
 * frame is read (handshake.ts).
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/index.ts';
import type { Logger } from '../log.ts';
import type { RedisLink } from './cluster.ts';
import { serverParser } from './frames.ts';
import { checkUpgrade, type HandshakeDeps, socketHandshake } from './handshake.ts';
import { MAX_FRAME_BYTES } from './protocol.ts';
import type { InterServerEvents, RealtimeServer, SocketData } from './socket-types.ts';

export function createSocketServer(
  httpServer: HttpServer,
  handshake: HandshakeDeps,
  options: { redis?: RedisLink; log: Logger },
): RealtimeServer {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(
    httpServer,
    {
      parser: serverParser(options.log),
      // Jalon's client brings its own socket.io-client (with Jalon's parser, which the stock
      // client files cannot speak); and the compiled server has no socket.io folder to serve
      // them from.
      serveClient: false,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      perMessageDeflate: false,
      ...(options.redis ? { adapter: options.redis.adapter } : {}),
      cors: { origin: handshake.allowedOrigins, credentials: true },
      allowRequest: (req, callback) => {
        void checkUpgrade(handshake, req).then((refusal) => callback(refusal, refusal === null));
      },
    },
  );
  io.use(socketHandshake(handshake));
  return io;
}
