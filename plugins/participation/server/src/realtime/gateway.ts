import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import { Server, type Socket } from 'socket.io';
import type { RealtimeError, RoomEvent } from '../../../shared/contracts';
import type { PluginConfig } from '../config/schema';
import { decideRoomAccess } from '../domain/access/realtime-rooms';
import type { Actor } from '../domain/access/rules';
import { createSharedAdapter, type SharedAdapter } from './adapter';
import { getService } from '../utils/get-service';
import { UID } from '../constants/uids';

const CLIENT_EVENTS = new Set(['join', 'leave']);
/** Messages that break the protocol before the connection is cut. */
const STRIKES_BEFORE_DISCONNECT = 3;

const clientAddress = (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown';

/** Same origin, a configured origin, or no Origin at all (a non-browser client). */
const originAllowed = (request: IncomingMessage, allowed: readonly string[]) => {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
};

export interface Gateway {
  broadcast: (event: RoomEvent) => void;
  close: () => Promise<void>;
}

/** socket.io on Strapi's own HTTP server: same port, same users-permissions JWTs as the REST API. */
export const startGateway = async (strapi: Core.Strapi): Promise<Gateway> => {
  const config = (strapi.config.get('plugin::participation') as PluginConfig).realtime;
  // Engine.io sessions per address, counted from the moment a handshake is let through: the count is
  // taken and checked in one synchronous step, so parallel handshakes cannot all pass, and a session
  // holds its place until it closes, whether or not it ever speaks socket.io.
  const connectionsByAddress = new Map<string, number>();
  const admitted = new WeakSet<IncomingMessage>();
  const release = (address: string) => {
    const left = (connectionsByAddress.get(address) ?? 1) - 1;
    if (left > 0) connectionsByAddress.set(address, left);
    else connectionsByAddress.delete(address);
  };
  const io = new Server(strapi.server.httpServer, {
    path: '/socket.io',
    maxHttpBufferSize: config.maxPayloadBytes,
    allowRequest: (request, callback) => {
      if (!originAllowed(request, config.allowedOrigins)) return callback('origin not allowed', false);
      const address = clientAddress(request);
      const count = connectionsByAddress.get(address) ?? 0;
      if (count >= config.maxConnectionsPerAddress) return callback('too many connections from this address', false);
      connectionsByAddress.set(address, count + 1);
      admitted.add(request);
      callback(null, true);
    },
  });
  io.engine.on('connection', (session: { request: IncomingMessage; once: (event: 'close', listener: () => void) => void }) => {
    if (!admitted.delete(session.request)) return;
    session.once('close', () => release(clientAddress(session.request)));
  });
  // A handshake let through that then failed inside engine.io gives its place back.
  io.engine.on('connection_error', ({ req }: { req: IncomingMessage }) => {
    if (admitted.delete(req)) release(clientAddress(req));
  });
  const shared: SharedAdapter | null = await createSharedAdapter(strapi);
  if (shared) io.adapter(shared.adapter);

  // A token is optional (public rooms need none); a bad one is refused rather than silently ignored.
  io.use(async (socket, next) => {
    const token = socket.handshake.auth?.token;
    if (!token) return next();
    try {
      const { id } = await strapi.plugin('users-permissions').service('jwt').verify(token);
      const user = await strapi.db.query(UID.user).findOne({ where: { id }, populate: ['role'] });
      if (!user || user.blocked) return next(new Error('invalid token'));
      socket.data.actor = await getService(strapi, 'access').actorFor(user);
      next();
    } catch {
      next(new Error('invalid token'));
    }
  });

  io.on('connection', (socket: Socket) => {
    let strikes = 0;
    const refuse = (error: RealtimeError, strike: boolean) => {
      socket.emit('error', error);
      if (strike && (strikes += 1) >= STRIKES_BEFORE_DISCONNECT) socket.disconnect(true);
    };

    socket.onAny((event: string) => {
      if (!CLIENT_EVENTS.has(event)) refuse({ code: 'unknown-event', message: `unknown event "${String(event).slice(0, 40)}"` }, true);
    });

    socket.on('join', (message: unknown, ack?: unknown) => {
      const room = (message as { room?: unknown })?.room;
      if (typeof room !== 'string') return refuse({ code: 'bad-message', message: 'join takes { room }' }, true);
      const decision = decideRoomAccess(room, (socket.data.actor as Actor | undefined) ?? null);
      if (!decision.allowed) return refuse({ code: 'forbidden-room', message: decision.reason }, false);
      if (socket.rooms.size - 1 >= config.maxRoomsPerSocket) {
        return refuse({ code: 'too-many-rooms', message: `at most ${config.maxRoomsPerSocket} rooms per connection` }, true);
      }
      socket.join(room);
      if (typeof ack === 'function') ack({ ok: true, room });
    });

    socket.on('leave', (message: unknown) => {
      const room = (message as { room?: unknown })?.room;
      if (typeof room === 'string') socket.leave(room);
    });
  });

  return {
    broadcast: (event) => {
      io.to(event.room).emit(event.type, event);
    },
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await shared?.close();
    },
  };
};
