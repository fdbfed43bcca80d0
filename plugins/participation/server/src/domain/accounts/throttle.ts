/**
 * Which users-permissions routes are throttled, and how (docs/access.md, "Throttling"):
 * - `sign-in`: failures count per account and address together (an attacker guessing one account is
 *   stopped without touching anyone else behind the same NAT or proxy), and per account across addresses;
 *   a success clears the account-and-address count;
 * - `registration` and `password` (forgotten password, reset, change, e-mail confirmation, sign-in through
 *   a provider): every attempt counts per address.
 */
export type ThrottledRoute = 'sign-in' | 'registration' | 'password';

const ROUTES: Array<{ method: 'GET' | 'POST'; path: RegExp; route: ThrottledRoute }> = [
  { method: 'POST', path: /^\/auth\/local$/, route: 'sign-in' },
  { method: 'POST', path: /^\/auth\/local\/register$/, route: 'registration' },
  { method: 'POST', path: /^\/auth\/(forgot-password|reset-password|change-password|send-email-confirmation)$/, route: 'password' },
  { method: 'GET', path: /^\/auth\/email-confirmation$/, route: 'password' },
  { method: 'GET', path: /^\/connect\/.+|^\/auth\/[^/]+\/callback$/, route: 'password' },
];

/**
 * The throttled route a request reaches, if any. Paths compare as the router matches them: without case
 * or trailing slashes, under the REST prefix (`/api`).
 */
export const throttledRoute = (method: string, path: string, restPrefix: string): ThrottledRoute | null => {
  const prefix = restPrefix.replace(/\/+$/, '').toLowerCase();
  const normalized = path.toLowerCase().replace(/\/+$/, '');
  if (!normalized.startsWith(`${prefix}/`)) return null;
  const rest = normalized.slice(prefix.length);
  return ROUTES.find((entry) => entry.method === method.toUpperCase() && entry.path.test(rest))?.route ?? null;
};
