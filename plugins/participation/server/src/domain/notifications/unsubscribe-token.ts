import { createHmac, timingSafeEqual } from 'crypto';
import { isNotificationKind, type NotificationKind } from './kinds';

/**
 * The token in a mail's one-click unsubscribe link: who and which kind, with an HMAC-SHA256 over both
 * under the server's secret, so that the link works without signing in and no one can forge another's.
 */
const mac = (secret: string, userId: number, kind: string) => createHmac('sha256', secret).update(`unsubscribe\u0000${userId}\u0000${kind}`).digest('base64url');

export const signUnsubscribeToken = (secret: string, userId: number, kind: NotificationKind) => `${userId}.${kind}.${mac(secret, userId, kind)}`;

export const readUnsubscribeToken = (secret: string, token: string): { userId: number; kind: NotificationKind } | null => {
  const match = /^(\d{1,12})\.([a-z-]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || !isNotificationKind(match[2])) return null;
  const userId = Number(match[1]);
  const expected = Buffer.from(mac(secret, userId, match[2]));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, kind: match[2] } : null;
};
