import type { Knex } from 'knex';
import { addBallotsWhileVotingGuard, addRoundSettingsFrozenGuard } from '../guards';

/**
 * Ballots are written only while their round is voting, checked by the database in the ballot's own
 * statement, and a round's settings cannot change once voting opens, whoever writes: casting keeps a
 * voting round's settings in memory instead of reading the round first.
 */
export async function up(knex: Knex) {
  await addBallotsWhileVotingGuard(knex);
  await addRoundSettingsFrozenGuard(knex);
}
