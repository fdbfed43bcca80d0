import type { Knex } from 'knex';
import { addUniqueIndex, makeAppendOnly } from '../constraints';

/**
 * The decision log is a hash chain: one entry per sequence number in each municipality, even when two
 * decisions are published at once, and no entry is ever changed or removed, whichever path the write
 * takes (the admin panel, the Document Service or plain SQL).
 */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_decision_log_entries_sequence_uq', 'participation_decision_log_entries', [
    'municipality_code',
    'sequence',
  ]);
  await makeAppendOnly(knex, 'participation_decision_log_append_only', 'participation_decision_log_entries');
}
