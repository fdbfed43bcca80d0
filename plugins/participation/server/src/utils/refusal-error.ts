import createError from 'http-errors';
import { errors } from '@strapi/utils';
import type { Refusal } from '../domain/access/rules';

/**
 * The error for an access refusal (domain/access/rules.ts), its reason and rule kept in the answer:
 * 401 asking an anonymous caller to sign in, 403 (PolicyError) otherwise. The 401 is an http-error, not
 * `errors.UnauthorizedError`: Strapi's authorize step, which wraps the strategy's verify, the policies and
 * the handler, answers an UnauthorizedError with a bare "Unauthorized"; Strapi's errors middleware renders
 * an http-error in the same `{ data, error }` envelope, message and details kept.
 */
export const refusalError = (refusal: Refusal) =>
  refusal.status === 401
    ? createError(401, refusal.reason, { details: { refusedBy: refusal.refusedBy } })
    : new errors.PolicyError(refusal.reason, { refusedBy: refusal.refusedBy });
