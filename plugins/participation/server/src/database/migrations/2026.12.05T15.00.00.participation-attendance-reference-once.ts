import type { Knex } from 'knex';
import { addUniqueIndex } from '../constraints';

/** A paper attendance line is entered once per meeting (its offline reference is unique there). See docs/community.md. */
export async function up(knex: Knex) {
  await addUniqueIndex(
    knex,
    'participation_meeting_attendances_offline_reference_uq',
    'participation_meeting_attendances',
    ['meeting_document_id', 'offline_reference'],
    'offline_reference IS NOT NULL'
  );
}
