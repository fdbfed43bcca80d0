import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { PORTAL_SESSIONS_TABLE } from '../../../server/src/tables/portal-sessions';
import { digestOf } from './portal-sessions';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key is derived from the session's cookie secret, which the database never holds: a copy of the
 * table cannot read a flash, so it cannot tie a receipt (and through it a ballot) to an account.
 */
const keyOf = (secret: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'participation portal session flash', 32));

const seal = (secret: string, message: string) => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(message, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
};

const unseal = (secret: string, stored: string): string | null => {
  const bytes = Buffer.from(stored, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
};

/**
 * A message a portal session keeps for exactly one read: what a form's answer hands to the page its
 * redirect leads to, without putting it in the address (a ballot's receipt). Signing out deletes it
 * with the session.
 */
export const sessionFlash = (strapi: Core.Strapi) => {
  const sessions = () => strapi.db.connection(PORTAL_SESSIONS_TABLE);
  return {
    async put(secret: string, message: string): Promise<void> {
      await sessions().where({ secret_digest: digestOf(secret) }).update({ flash: seal(secret, message) });
    },

    /** `sealed` is the flash as the session's row held it when the request began (portal-sessions.ts reads it). */
    async take(secret: string | undefined, sealed: string | null): Promise<string | null> {
      if (!secret || secret.length > 100 || !sealed) return null;
      // Only the read that clears it gets it: two tabs reading at once cannot both show it.
      const cleared = await sessions().where({ secret_digest: digestOf(secret), flash: sealed }).update({ flash: null });
      return cleared === 1 ? unseal(secret, sealed) : null;
    },
  };
};

/**
 * The same one-read message for a browser nobody is signed in on (a receipt check): sealed into a cookie
 * under a key from the app's key and the browser's CSRF binding, so that no other browser can read it and
 * the server keeps nothing. The page that reads it clears the cookie.
 */
export const browserFlash = (appKey: string) => ({
  seal: (binding: string, message: string) => seal(`${appKey}\u0000${binding}`, message),
  unseal: (binding: string, stored: string) => (stored.length > 4096 ? null : unseal(`${appKey}\u0000${binding}`, stored)),
});
