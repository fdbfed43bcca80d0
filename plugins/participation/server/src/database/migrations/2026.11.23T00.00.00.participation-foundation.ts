import type { Knex } from 'knex';
import { addCheckConstraint, addUniqueIndex } from '../constraints';

/**
 * Strapi checks `unique: true` in application code only, which concurrent requests slip past;
 * these make the database itself refuse duplicates and impossible amounts.
 */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_municipalities_code_uq', 'participation_municipalities', ['code']);
  await addUniqueIndex(knex, 'participation_budget_lines_key_uq', 'participation_budget_lines', [
    'municipality_code',
    'fiscal_year',
    'code',
  ]);
  await addCheckConstraint(
    knex,
    'participation_budget_lines_amounts_ck',
    'participation_budget_lines',
    (c) =>
      `${c('approved_minor')} >= 0 AND ${c('revised_minor')} >= 0 AND ${c('committed_minor')} >= 0 AND ` +
      `${c('spent_minor')} >= 0 AND ${c('fiscal_year')} BETWEEN 2000 AND 2100`
  );
}
