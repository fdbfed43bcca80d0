import type { Knex } from 'knex';
import { addRunningTotalsCounters, backfillRunningTotals } from '../running-totals';

/** Running totals kept as counters by the database (#13, Speed), counted once from the ballots already cast. */
export async function up(knex: Knex) {
  await addRunningTotalsCounters(knex);
  await backfillRunningTotals(knex);
}
