import { nextMailAt, retryDelayMs, BATCH_WINDOW_MS } from './delivery';
import { readUnsubscribeToken, signUnsubscribeToken } from './unsubscribe-token';
import { NOTIFICATION_KINDS, TOPIC_KIND } from './kinds';

describe('unsubscribe tokens', () => {
  const secret = 'a-server-secret';

  it('read back the person and kind they were signed for', () => {
    for (const kind of NOTIFICATION_KINDS) expect(readUnsubscribeToken(secret, signUnsubscribeToken(secret, 42, kind))).toEqual({ userId: 42, kind });
  });

  it('refuse another person, another kind, another secret or a mangled token', () => {
    const token = signUnsubscribeToken(secret, 42, 'reply');
    const [, , signature] = token.split('.');
    expect(readUnsubscribeToken(secret, `43.reply.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `42.round.${signature}`)).toBeNull();
    expect(readUnsubscribeToken('another-secret', token)).toBeNull();
    expect(readUnsubscribeToken(secret, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(readUnsubscribeToken(secret, '42.no-such-kind.' + signature)).toBeNull();
    expect(readUnsubscribeToken(secret, '')).toBeNull();
  });
});

describe('delivery rules', () => {
  it('double the wait after each failure, up to the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000, 60_000)).toBe(60_000);
  });

  it('let a batched scope mail at once when it never did or its hour has passed, else when the hour ends', () => {
    expect(nextMailAt(null, 5000)).toBe(5000);
    expect(nextMailAt(1000, 1000 + BATCH_WINDOW_MS)).toBe(1000 + BATCH_WINDOW_MS);
    expect(nextMailAt(1000, 2000)).toBe(1000 + BATCH_WINDOW_MS);
  });

  it('give every topic a kind that settings can turn off', () => {
    for (const kind of Object.values(TOPIC_KIND)) expect(NOTIFICATION_KINDS).toContain(kind);
  });
});
