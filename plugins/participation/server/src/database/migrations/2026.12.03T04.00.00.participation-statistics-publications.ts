import type { Knex } from 'knex';
import { addUniqueIndex, makeAppendOnly } from '../constraints';

/**
 * Statistics are published once per closed population and never change: one row per population, and
 * no row can be rewritten or removed, so before/after differencing of a population has nothing to use.
 */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_statistics_publications_population_uq', 'participation_statistics_publications', ['population']);
  await makeAppendOnly(knex, 'participation_statistics_publications_append_only', 'participation_statistics_publications');
}
