import { io, type Socket } from 'socket.io-client';
import type { EventType, RealtimeError, RoomEvent } from '../../plugins/participation/shared/contracts';

/** What a test socket receives, by name: a room's events, a refusal, and socket.io's reason for a disconnect. */
type ReceivedEvents = { [Type in EventType]: RoomEvent<Type> } & { error: RealtimeError; disconnect: string };

/** A socket.io client for tests: no reconnection (jest would wait on its timers), closed by the caller. */
export const connectSocket = (baseUrl: string, token?: string, headers: Record<string, string> = {}): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: token ? { token } : {},
      extraHeaders: headers,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });

export const join = (socket: Socket, room: string) =>
  new Promise<{ ok: boolean }>((resolve) => socket.emit('join', { room }, resolve));

/** Resolves with the next `event` the socket receives (or rejects after `ms`). */
export const nextEvent = <Name extends keyof ReceivedEvents>(socket: Socket, event: Name, ms = 10000) =>
  new Promise<ReceivedEvents[Name]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    // As a plain name: socket.io-client types the listener of each of its reserved events (disconnect) apart.
    socket.once(event as string, (payload: ReceivedEvents[Name]) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
