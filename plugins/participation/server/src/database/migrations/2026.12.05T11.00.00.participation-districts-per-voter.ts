import type { Knex } from 'knex';
import { ONE_DISTRICT_SCOPE } from '../../domain/rounds/round-settings';
import { isPostgres } from '../../utils/database-client';
import {
  addBallotReplacementAudit,
  addDistrictsPerVoterGuards,
  addRoundSettingsFrozenGuard,
} from '../guards';

const ROUNDS = 'participation_rounds';
const PARTICIPATIONS = 'participation_round_participations';
const AUDIT = 'participation_ballot_replacements_audit';

/**
 * Districts per voter (docs/rounds.md): one district per voter unless the round says every district,
 * enforced by a unique scope per voter and round. Rounds where someone already voted in several
 * districts are recorded as what they were, `every`; the districts-per-voter setting freezes with the
 * other rules.
 */
export async function up(knex: Knex) {
  const several = knex(PARTICIPATIONS).select('round_document_id').groupBy('round_document_id', 'participant_key').havingRaw('COUNT(*) > 1');
  await knex(ROUNDS).whereIn('document_id', several).update({ districts_per_voter: 'every' });
  await knex(ROUNDS).whereNull('districts_per_voter').update({ districts_per_voter: 'one' });
  if (await knex(PARTICIPATIONS).whereNull('district_scope').first('id')) {
    // Filling in the scope is not a replacement of anyone's ballot: the trail must not record it.
    await knex.raw(isPostgres(knex) ? 'DROP TRIGGER IF EXISTS ?? ON ??' : 'DROP TRIGGER IF EXISTS ??', isPostgres(knex) ? [AUDIT, PARTICIPATIONS] : [AUDIT]);
    await knex.raw(
      `UPDATE ?? SET district_scope = CASE WHEN (SELECT districts_per_voter FROM ?? r WHERE r.document_id = ??.round_document_id) = 'every' THEN district_code ELSE ? END WHERE district_scope IS NULL`,
      [PARTICIPATIONS, ROUNDS, PARTICIPATIONS, ONE_DISTRICT_SCOPE]
    );
    await addBallotReplacementAudit(knex);
  }
  await addDistrictsPerVoterGuards(knex);
  await addRoundSettingsFrozenGuard(knex);
}
