import type { Knex } from 'knex';

/**
 * SELECT … FOR UPDATE on PostgreSQL. SQLite has one writer at a time, so a write transaction is
 * already exclusive there (and knex warns on forUpdate).
 */
export const selectForUpdate = (trx: Knex.Transaction, table: string, where: Record<string, unknown>) => {
  const query = trx(table).where(where);
  return (String(trx.client.config.client).startsWith('p') ? query.forUpdate() : query).first();
};
