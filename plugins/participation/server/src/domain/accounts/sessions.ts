/**
 * Session revocation for users-permissions' plain JWTs. A JWT cannot be taken back, so each account has
 * a "not before" time instead: a token issued before it is refused. Changing or resetting the password
 * and signing out move it to now, which ends every session of the account at once.
 */

/** What this plugin adds to every JWT users-permissions issues: `iat` counts whole seconds, too coarse to
 * tell a token issued just before a password change from the one issued with it. */
export interface SessionClaims {
  issuedAtMs?: unknown;
  iat?: unknown;
}

/** When a token was issued, in ms: `issuedAtMs`, else the standard `iat` (tokens issued before this plugin added it), else never. */
export const tokenIssuedAtMs = (payload: SessionClaims): number => {
  if (typeof payload.issuedAtMs === 'number' && Number.isFinite(payload.issuedAtMs)) return payload.issuedAtMs;
  if (typeof payload.iat === 'number' && Number.isFinite(payload.iat)) return payload.iat * 1000;
  return 0;
};

/** Whether a token was issued before the account's "not before" time (`null`: nothing was ever revoked). */
export const isRevoked = (payload: SessionClaims, notBeforeMs: number | string | null | undefined): boolean =>
  notBeforeMs !== null && notBeforeMs !== undefined && tokenIssuedAtMs(payload) < Number(notBeforeMs);
