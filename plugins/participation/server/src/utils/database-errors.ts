/** True when the database refused a write because a unique index already holds the value. */
export const isUniqueViolation = (error: unknown): boolean => {
  const candidates = [error, (error as { nativeError?: unknown })?.nativeError, (error as { cause?: unknown })?.cause];
  return candidates.some((candidate) => {
    const { code, message } = (candidate ?? {}) as { code?: string; message?: string };
    return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|duplicate key value/.test(message ?? '');
  });
};
