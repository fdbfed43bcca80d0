import type { Knex } from 'knex';
import { makeAppendOnly } from '../constraints';
import {
  BALLOT_CONFLICTS,
  BALLOT_REPLACEMENTS,
  addBallotReplacementAudit,
  addBallotsNeverDeletedGuard,
  addBallotsReplacedWholeGuard,
} from '../guards';

/**
 * Ballots change only whole (new content, new receipt) and are never deleted; every replacement is kept
 * in an append-only trail; an assisted or paper ballot for someone who already voted online is kept as
 * a conflict for staff instead of replacing their ballot. See docs/rounds.md (secrecy, receipts).
 */
export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(BALLOT_REPLACEMENTS))) {
    await knex.schema.createTable(BALLOT_REPLACEMENTS, (table) => {
      table.increments('id');
      table.string('round_document_id', 64).notNullable();
      table.string('district_code', 32).notNullable();
      table.integer('voter_id');
      table.integer('facilitator_id');
      table.string('channel_before', 16);
      table.string('channel_after', 16);
      table.datetime('replaced_at', { useTz: false, precision: 6 });
    });
  }
  if (!(await knex.schema.hasTable(BALLOT_CONFLICTS))) {
    await knex.schema.createTable(BALLOT_CONFLICTS, (table) => {
      table.increments('id');
      table.string('round_document_id', 64).notNullable();
      table.string('district_code', 32).notNullable();
      table.integer('voter_id').notNullable();
      table.integer('facilitator_id').notNullable();
      table.string('channel', 16).notNullable();
      table.datetime('recorded_at', { useTz: false, precision: 6 }).notNullable();
      table.index(['round_document_id']);
    });
  }
  await makeAppendOnly(knex, `${BALLOT_CONFLICTS}_append_only`, BALLOT_CONFLICTS);
  await addBallotReplacementAudit(knex);
  await addBallotsReplacedWholeGuard(knex);
  await addBallotsNeverDeletedGuard(knex);
}
