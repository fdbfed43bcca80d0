import createError from 'http-errors';

/**
 * 409: the request is valid but the resource's state forbids it now (ballot rules frozen, wrong phase).
 * `@strapi/utils` has no 409 error (an ApplicationError of its own would answer 400); Strapi's errors
 * middleware renders http-errors with the same `{ data, error }` envelope as its own errors.
 */
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  Object.assign(createError(409, message), { details });
