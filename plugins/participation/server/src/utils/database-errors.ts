import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** True when the database refused a write because a unique index already holds the value. */
export const isUniqueViolation = (error: unknown): boolean => {
  const candidates = [error, (error as { nativeError?: unknown })?.nativeError, (error as { cause?: unknown })?.cause];
  return candidates.some((candidate) => {
    const { code, message } = (candidate ?? {}) as { code?: string; message?: string };
    return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|duplicate key value/.test(message ?? '');
  });
};

/**
 * A write one of the plugin's database guards refused (database/guards.ts, constraints.ts): the guard's
 * name and its message (which names the guard and says why), or null for any other error. The
 * message ends the driver's error text, after the statement knex puts in front of it.
 */
export const guardRefusal = (error: unknown): { guard: string; message: string } | null => {
  const candidates = [error, (error as { nativeError?: unknown })?.nativeError, (error as { cause?: unknown })?.cause];
  for (const candidate of candidates) {
    const text = String((candidate as { message?: unknown })?.message ?? '');
    const refused =
      /(?:^| - )((participation_[a-z0-9_]+): [^\n]+)$/.exec(text) ??
      /(?:^| - )(participation_[a-z0-9_]+ is append-only \((participation_[a-z0-9_]+)\))$/.exec(text) ??
      /(?:CHECK constraint failed: |violates check constraint ")((participation_[a-z0-9_]+))/.exec(text);
    if (refused) return { guard: refused[2], message: refused[1] };
  }
  return null;
};

/**
 * Document Service middleware (#11 item 14): a write a guard refuses is the caller's mistake, a 400
 * saying which guard and why (the Content Manager shows it), not a 500.
 */
export const guardRefusalsAsValidationErrors: Modules.Documents.Middleware.Middleware = async (_context, next) => {
  try {
    return await next();
  } catch (error) {
    const refusal = guardRefusal(error);
    if (refusal) throw new errors.ValidationError(refusal.message, { guard: refusal.guard });
    throw error;
  }
};
