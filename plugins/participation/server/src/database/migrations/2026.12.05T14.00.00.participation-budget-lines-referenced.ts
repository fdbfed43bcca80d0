import type { Knex } from 'knex';
import { addBudgetLinesReferencedGuard } from '../guards';

/**
 * A budget line that proposals or decisions refer to is neither deleted nor renamed (municipality, year,
 * code), whoever writes. See docs/budget-lines.md.
 */
export async function up(knex: Knex) {
  await addBudgetLinesReferencedGuard(knex);
}
