import createError from 'http-errors';

/** 429 with the seconds to wait; the controller sets Retry-After from `retryAfterSeconds`. */
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  Object.assign(createError(429, message), { retryAfterSeconds, details: { retryAfterSeconds } });

/** Runs a write; a 429 from it leaves with its Retry-After header. */
export const withRetryAfter = async <T>(ctx: { set(name: string, value: string): void }, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    const seconds = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (seconds) ctx.set('Retry-After', String(seconds));
    throw error;
  }
};
