import { errors } from '@strapi/utils';
import type { z } from 'zod';

export type RequestPart = 'path' | 'query' | 'body';

const UNKNOWN_KEY: Record<RequestPart, string> = { path: 'path parameter', query: 'query parameter', body: 'field' };

/**
 * Validates a request part with a zod schema; a failure is a 400 whose message names every bad field,
 * with the full list in `details.errors` (path, message), like Strapi's own validation errors.
 */
export const validateRequest = <S extends z.ZodType>(schema: S, input: unknown, part: RequestPart): z.output<S> => {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path.map(String), ...(keys.length === 1 ? keys : [])];
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown ${UNKNOWN_KEY[part]}${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`
        : issue.message;
    return { path, message };
  });
  const summary = problems.map(({ path, message }) => (path.length ? `${path.join('.')}: ${message}` : message)).join('; ');
  throw new errors.ValidationError(`Invalid ${part}: ${summary}`, { errors: problems });
};
