/** JSON columns come back parsed on PostgreSQL and as text on SQLite; `fallback` stands in for NULL. */
export const readJson = <T>(value: unknown, fallback?: T): T =>
  (value == null ? fallback : typeof value === 'string' ? JSON.parse(value) : value) as T;
