import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { unstorableText } from '../domain/text/plain-text';

interface Problem {
  path: string[];
  message: string;
}

/** The first string (key or value) in a parsed query or JSON body that no column could store. */
const findUnstorable = (value: unknown, path: string[]): Problem | null => {
  if (typeof value === 'string') {
    const message = unstorableText(value);
    return message ? { path, message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const keyMessage = unstorableText(key);
    if (keyMessage) return { path: [...path, key], message: `names a field that ${keyMessage.replace(/^must not contain/, 'contains')}` };
    const problem = findUnstorable(item, [...path, key]);
    if (problem) return problem;
  }
  return null;
};

const decodedPath = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // not valid UTF-8: the router leaves such segments encoded too
  }
};

/**
 * Application-wide, right after the body parser: a NUL byte or a lone surrogate anywhere in the path,
 * the query or a JSON body is refused with 400 naming where it is, before any route, policy or
 * database sees it (PostgreSQL would answer 500; see domain/text/plain-text.ts).
 */
export default () => async (ctx: Context, next: () => Promise<void>) => {
  const pathMessage = unstorableText(decodedPath(ctx.path));
  const problem: Problem | null =
    (pathMessage && { path: ['path'], message: pathMessage }) ||
    findUnstorable(ctx.query, []) ||
    (ctx.request.body && typeof ctx.request.body === 'object' ? findUnstorable(ctx.request.body, []) : null);
  if (problem) {
    const field = problem.path.join('.');
    throw new errors.ValidationError(`Invalid request: ${field}: ${problem.message}`, { errors: [problem] });
  }
  await next();
};
