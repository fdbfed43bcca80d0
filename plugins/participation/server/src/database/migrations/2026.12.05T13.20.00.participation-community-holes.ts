import type { Knex } from 'knex';
import { addUniqueIndex } from '../constraints';
import { addCompletionGuards } from '../guards';

/**
 * A paper form or call is entered once per consultation (its offline reference is unique there), and a
 * proposal is completed only at 100 % implementation progress. See docs/community.md and docs/decisions.md.
 */
export async function up(knex: Knex) {
  await addUniqueIndex(
    knex,
    'participation_consultation_inputs_offline_reference_uq',
    'participation_consultation_inputs',
    ['consultation_document_id', 'offline_reference'],
    'offline_reference IS NOT NULL'
  );
  await addCompletionGuards(knex);
}
