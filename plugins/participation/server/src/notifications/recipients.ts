import type { Knex } from 'knex';
import { isPostgres } from '../utils/database-client';

/** Who a notification goes to: a query selecting `user_id` (a thread's followers), or the ids themselves. */
export type Recipients = Knex.QueryBuilder | Iterable<number>;

const isQuery = (recipients: Recipients): recipients is Knex.QueryBuilder => typeof (recipients as Knex.QueryBuilder).toSQL === 'function';

/**
 * The recipients as a query of `user_id`, to insert from: a list of ids travels as one JSON parameter
 * that the database unpacks, so a list of any length is one statement (SQLite binds at most 32,766 values).
 */
export const recipientsQuery = (db: Knex | Knex.Transaction, recipients: Recipients) => {
  if (isQuery(recipients)) return recipients;
  const ids = JSON.stringify([...recipients]);
  const listed = isPostgres(db) ? db.raw('json_array_elements_text(cast(? as json)) as listed(value)', [ids]) : db.raw('json_each(?) as listed', [ids]);
  return db.select(db.raw('cast(listed.value as integer) as user_id')).from(listed);
};
