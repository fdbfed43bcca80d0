import type { Knex } from 'knex';
import { addUniqueIndex } from '../constraints';

/** One ballot and one participation record per voter, round and district, whatever the concurrency. */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_ballots_voter_uq', 'participation_ballots', ['round_document_id', 'district_code', 'voter_key']);
  await addUniqueIndex(knex, 'participation_ballots_receipt_uq', 'participation_ballots', ['receipt_code']);
  await addUniqueIndex(knex, 'participation_round_participations_voter_uq', 'participation_round_participations', [
    'round_document_id',
    'district_code',
    'participant_key',
  ]);
}
