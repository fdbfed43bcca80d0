import type { Knex } from 'knex';
import { ROUND_PHASES, rulesAreFrozen } from '../domain/rounds/phases';
import { addRowGuard, makeAppendOnly, makeUndeletable } from './constraints';
import { isPostgres } from '../utils/database-client';

/**
 * Guards on the rows of a budgeting round that the database enforces whoever writes (the API, the admin's
 * Content Manager, a script): casting relies on them to keep a voting round's settings in memory.
 */

/** Refuses a ballot written (or replaced) for a round that is not in its voting phase. */
export const BALLOTS_WHILE_VOTING = 'participation_ballots_while_voting';

export const addBallotsWhileVotingGuard = (knex: Knex) =>
  addRowGuard(knex, BALLOTS_WHILE_VOTING, 'participation_ballots', {
    on: ['INSERT', 'UPDATE'],
    condition: ({ row }) => `EXISTS (SELECT 1 FROM participation_rounds WHERE document_id = ${row('round_document_id')} AND phase = 'voting')`,
    explanation: 'a ballot is stored only while its round is in its voting phase',
  });

/** What decides who may vote, for what and how it is counted: fixed once voting opens. */
export const ROUND_SETTINGS_FROZEN = 'participation_rounds_settings_frozen';
const FROZEN_COLUMNS = ['municipality_code', 'total_budget_minor', 'districts', 'ballot_rules', 'reservations', 'eligibility', 'show_running_totals'];
const OPEN_PHASES = ROUND_PHASES.filter((phase) => !rulesAreFrozen(phase));

export const addRoundSettingsFrozenGuard = (knex: Knex) =>
  addRowGuard(knex, ROUND_SETTINGS_FROZEN, 'participation_rounds', {
    on: ['UPDATE'],
    condition: ({ row, previous }) =>
      `${previous('phase')} IN (${OPEN_PHASES.map((phase) => `'${phase}'`).join(', ')}) OR (` +
      FROZEN_COLUMNS.map((column) => `${row(column)} IS NOT DISTINCT FROM ${previous(column)}`).join(' AND ') +
      ')',
    explanation: 'the ballot rules, eligibility, budget and districts froze when voting opened',
  });

/**
 * A ballot changes only as a whole: new content comes with a new receipt code (a replacement, or the
 * rewrite when voting closes), so an operator's `UPDATE … SET choices` under the voter's receipt is
 * refused; and a ballot its voter cast online is never overwritten by an assisted or paper one.
 */
export const BALLOTS_REPLACED_WHOLE = 'participation_ballots_replaced_whole';
const BALLOT_CONTENT = ['round_document_id', 'district_code', 'choices', 'channel'];

export const addBallotsReplacedWholeGuard = (knex: Knex) =>
  addRowGuard(knex, BALLOTS_REPLACED_WHOLE, 'participation_ballots', {
    on: ['UPDATE'],
    condition: ({ row, previous }) =>
      `(${row('receipt_code')} IS DISTINCT FROM ${previous('receipt_code')} OR (` +
      BALLOT_CONTENT.map((column) => `${row(column)} IS NOT DISTINCT FROM ${previous(column)}`).join(' AND ') +
      `)) AND (${row('voter_key')} IS NULL OR ${previous('channel')} <> 'online' OR ${row('channel')} = 'online')`,
    explanation: 'a ballot is replaced only whole, with a new receipt, and never an online ballot by an assisted or paper one',
  });

/** Ballots are replaced, never deleted: not by the app, not by an operator. */
export const BALLOTS_NEVER_DELETED = 'participation_ballots_never_deleted';

export const addBallotsNeverDeletedGuard = (knex: Knex) =>
  makeUndeletable(knex, BALLOTS_NEVER_DELETED, 'participation_ballots', 'a ballot is never deleted, only replaced by its voter');

/**
 * Every change to a participation record (each replacement of a ballot goes through one) leaves a row
 * in an append-only trail: whose record, which facilitator if any, channel before and after, when.
 * Never the choices: the trail shares nothing with the ballots.
 */
export const BALLOT_REPLACEMENTS = 'participation_ballot_replacements';
/** Assisted or paper ballots refused because the person had voted online themselves (written by the app). */
export const BALLOT_CONFLICTS = 'participation_ballot_conflicts';
const REPLACEMENT_AUDIT = 'participation_ballot_replacements_audit';

export const addBallotReplacementAudit = async (knex: Knex) => {
  const insert =
    `INSERT INTO ${BALLOT_REPLACEMENTS} (round_document_id, district_code, voter_id, facilitator_id, channel_before, channel_after, replaced_at) ` +
    'VALUES (NEW.round_document_id, NEW.district_code, NEW.voter_id, NEW.facilitator_id, OLD.channel, NEW.channel, NEW.last_cast_at);';
  await makeAppendOnly(knex, `${BALLOT_REPLACEMENTS}_append_only`, BALLOT_REPLACEMENTS);
  if (isPostgres(knex)) {
    await knex.raw(`CREATE OR REPLACE FUNCTION ??() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${insert} RETURN NULL; END $$`, [REPLACEMENT_AUDIT]);
    await knex.raw('DROP TRIGGER IF EXISTS ?? ON ??', [REPLACEMENT_AUDIT, 'participation_round_participations']);
    await knex.raw('CREATE TRIGGER ?? AFTER UPDATE ON ?? FOR EACH ROW EXECUTE FUNCTION ??()', [REPLACEMENT_AUDIT, 'participation_round_participations', REPLACEMENT_AUDIT]);
    return;
  }
  await knex.raw(`CREATE TRIGGER IF NOT EXISTS ?? AFTER UPDATE ON ?? FOR EACH ROW BEGIN ${insert} END`, [REPLACEMENT_AUDIT, 'participation_round_participations']);
};

/*
 * Dialogue groups (community, issue #11 item 23): a reserved seat holds at most as many current members
 * as the group reserves for it, whoever writes (the API, the Content Manager, a script).
 */

/** Refuses a current member in a reserved seat that is already full, or in a category with no reserved seats. */
export const RESERVED_SEATS_NOT_OVERFILLED = 'participation_dialogue_group_members_seats';
/** Refuses reserving fewer seats for a category than current members hold. */
export const RESERVED_SEATS_COVER_MEMBERS = 'participation_dialogue_groups_seats_cover_members';

/** Seats a group's `reserved_seats` JSON (`[{ category, seats }]`) reserves for `category` (0 when none). */
const reservedSeatsFor = (knex: Knex, reservedSeats: string, category: string) =>
  isPostgres(knex)
    ? `COALESCE((SELECT (seat->>'seats')::int FROM jsonb_array_elements(${reservedSeats}::jsonb) seat WHERE seat->>'category' = ${category}), 0)`
    : `COALESCE((SELECT json_extract(seat.value, '$.seats') FROM json_each(${reservedSeats}) seat WHERE json_extract(seat.value, '$.category') = ${category}), 0)`;

export const addReservedSeatGuards = async (knex: Knex) => {
  const members = 'participation_dialogue_group_members';
  await addRowGuard(knex, RESERVED_SEATS_NOT_OVERFILLED, members, {
    on: ['INSERT', 'UPDATE'],
    condition: ({ row }) =>
      `${row('reserved_seat')} IS NULL OR ${row('left_at')} IS NOT NULL OR (` +
      `SELECT count(*) FROM ${members} m WHERE m.group_document_id = ${row('group_document_id')} AND m.reserved_seat = ${row('reserved_seat')} ` +
      `AND m.left_at IS NULL AND m.id IS DISTINCT FROM ${row('id')}) < ` +
      `(SELECT ${reservedSeatsFor(knex, 'g.reserved_seats', row('reserved_seat'))} FROM participation_dialogue_groups g WHERE g.document_id = ${row('group_document_id')})`,
    explanation: 'the reserved seats of this category are all taken',
    // Members joining at once take turns on their group's row: each then counts the other.
    lock: { table: 'participation_dialogue_groups', where: ({ row }) => `${row('reserved_seat')} IS NOT NULL AND document_id = ${row('group_document_id')}` },
  });
  await addRowGuard(knex, RESERVED_SEATS_COVER_MEMBERS, 'participation_dialogue_groups', {
    on: ['UPDATE'],
    condition: ({ row }) =>
      `NOT EXISTS (SELECT 1 FROM ${members} m WHERE m.group_document_id = ${row('document_id')} AND m.reserved_seat IS NOT NULL AND m.left_at IS NULL ` +
      `GROUP BY m.reserved_seat HAVING count(*) > ${reservedSeatsFor(knex, row('reserved_seats'), 'm.reserved_seat')})`,
    explanation: 'a category cannot reserve fewer seats than its current members hold',
  });
};

/*
 * Implementation of funded proposals (community, issue #11 item 24): a proposal is completed only with
 * its implementation at 100 %, and a completed one's progress does not go back.
 */

export const COMPLETED_AT_FULL_PROGRESS = 'participation_proposals_completed_at_full_progress';
export const COMPLETED_PROGRESS_KEPT = 'participation_project_implementations_completed_progress_kept';

export const addCompletionGuards = async (knex: Knex) => {
  await addRowGuard(knex, COMPLETED_AT_FULL_PROGRESS, 'participation_proposals', {
    on: ['UPDATE'],
    condition: ({ row, previous }) =>
      `${row('proposal_status')} IS DISTINCT FROM 'completed' OR ${previous('proposal_status')} = 'completed' OR EXISTS (` +
      `SELECT 1 FROM participation_project_implementations i WHERE i.proposal_document_id = ${row('document_id')} AND i.progress_percent = 100)`,
    explanation: 'a proposal is completed only when its implementation is at 100 percent',
  });
  await addRowGuard(knex, COMPLETED_PROGRESS_KEPT, 'participation_project_implementations', {
    on: ['INSERT', 'UPDATE'],
    condition: ({ row }) =>
      `${row('progress_percent')} = 100 OR NOT EXISTS (` +
      `SELECT 1 FROM participation_proposals p WHERE p.document_id = ${row('proposal_document_id')} AND p.proposal_status = 'completed')`,
    explanation: 'a completed proposal keeps its implementation at 100 percent',
  });
};
