import { createHmac } from 'crypto';

/**
 * A ballot carries a keyed hash of (round, district, participant) instead of the voter's identity:
 * the database can hold one ballot per voter (a unique index on the key) and the app can find a voter's
 * ballot to replace it, but without the server secret nobody can tell whose ballot it is.
 */
export const voterKey = (secret: string, roundId: string, districtCode: string, participantKey: string) =>
  createHmac('sha256', secret).update(`${roundId}\u0000${districtCode}\u0000${participantKey}`).digest('base64url');

/** Participants are users, or people without an account whom a facilitator records by a reference. */
export const participantKeyForUser = (userId: number) => `user:${userId}`;
export const participantKeyForOffline = (secret: string, reference: string) =>
  `offline:${createHmac('sha256', secret).update(reference.trim().toUpperCase().replace(/\s+/g, ' ')).digest('base64url')}`;
