import { io, type Socket } from 'socket.io-client';

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
export const nextEvent = <T = any>(socket: Socket, event: string, ms = 10000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
