import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * CSRF tokens bound to who is asking: to the session for a signed-in person, else to a random value in
 * a cookie of its own (sign-in and registration forms). A token is an HMAC of that binding under the
 * app's key, so nothing is stored and a token from one browser is worthless in another.
 */
export const csrf = (key: string) => {
  const sign = (binding: string) => createHmac('sha256', key).update(`csrf:${binding}`).digest('base64url');
  return {
    newBinding: () => randomBytes(18).toString('base64url'),
    tokenFor: sign,
    check(binding: string | undefined, token: unknown): boolean {
      if (!binding || typeof token !== 'string') return false;
      const expected = Buffer.from(sign(binding));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
};
