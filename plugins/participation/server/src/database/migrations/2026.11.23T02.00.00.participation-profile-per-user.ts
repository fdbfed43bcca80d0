import type { Knex } from 'knex';
import { addUniqueIndex } from '../constraints';

/** One participant profile per user, even when two profile updates race. */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_participant_profiles_user_uq', 'participation_participant_profiles', ['user_id']);
}
