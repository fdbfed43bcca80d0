/**
 * The portal's sign-in sessions (made by a migration, no content type): one row per signed-in browser,
 * keyed by a digest of the cookie's secret so that a copy of the table signs no one in. Deleting the row
 * ends the session; the account's row is deleted with it.
 */
export const PORTAL_SESSIONS_TABLE = 'participation_portal_sessions';
