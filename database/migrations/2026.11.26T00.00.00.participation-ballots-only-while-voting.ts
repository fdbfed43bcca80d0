import type { Knex } from 'knex';
import { addBallotsWhileVotingGuard } from '../../plugins/participation/server/src/database/guards';

/**
 * Ballots are written only while their round is voting, checked by the database in the ballot's own
 * statement: casting keeps a round's frozen settings in memory instead of reading its phase first.
 */
export async function up(knex: Knex) {
  await addBallotsWhileVotingGuard(knex);
}
