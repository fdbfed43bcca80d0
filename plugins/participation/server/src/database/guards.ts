import type { Knex } from 'knex';
import { PHASE_MOVES, ROUND_PHASES, rulesAreFrozen } from '../domain/rounds/phases';
import { BALLOT_STATUSES } from '../domain/proposals/statuses';
import { ONE_DISTRICT_SCOPE } from '../domain/rounds/round-settings';
import { addRowGuard, addUniqueIndex, makeAppendOnly, makeUndeletable } from './constraints';
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
const FROZEN_COLUMNS = [
  'document_id',
  'municipality_code',
  'total_budget_minor',
  'districts',
  'districts_per_voter',
  'ballot_rules',
  'reservations',
  'eligibility',
  'show_running_totals',
];
const OPEN_PHASES = ROUND_PHASES.filter((phase) => !rulesAreFrozen(phase));

export const addRoundSettingsFrozenGuard = (knex: Knex) =>
  addRowGuard(knex, ROUND_SETTINGS_FROZEN, 'participation_rounds', {
    on: ['UPDATE'],
    condition: ({ row, previous }) =>
      `${previous('phase')} IN (${OPEN_PHASES.map((phase) => `'${phase}'`).join(', ')}) OR (` +
      FROZEN_COLUMNS.map((column) => `${row(column)} IS NOT DISTINCT FROM ${previous(column)}`).join(' AND ') +
      // The fingerprint taken when voting opened stays (one missing on a round frozen before there were
      // fingerprints is filled in once by the migration that introduced them).
      ` AND (${previous('settings_fingerprint')} IS NULL OR ${row('settings_fingerprint')} IS NOT DISTINCT FROM ${previous('settings_fingerprint')})` +
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

/**
 * A budget line that proposals (in a round of its year) or decision-log entries name is kept: it is not
 * deleted, and its municipality, year and code, by which they name it, do not change (the log cannot be
 * edited to follow a rename). Rounds refer to lines through their proposals; commitments and
 * implementations through their proposal and its decisions.
 */
export const BUDGET_LINES_REFERENCED = 'participation_budget_lines_referenced';
const BUDGET_LINE_KEY = ['municipality_code', 'fiscal_year', 'code'];

const budgetLineIsReferenced = (knex: Knex, line: (column: string) => string) => {
  const postgres = isPostgres(knex);
  const namesCode = postgres
    ? `p.budget_line_codes::jsonb @> jsonb_build_array(${line('code')})`
    : `EXISTS (SELECT 1 FROM json_each(p.budget_line_codes) WHERE value = ${line('code')})`;
  const chargedTo = postgres
    ? `d.decision_json::jsonb #>> '{budgetLine,code}' = ${line('code')} AND d.decision_json::jsonb #>> '{budgetLine,fiscalYear}' = ${line('fiscal_year')}::text`
    : `json_extract(d.decision_json, '$.budgetLine.code') = ${line('code')} AND json_extract(d.decision_json, '$.budgetLine.fiscalYear') = ${line('fiscal_year')}`;
  return (
    `EXISTS (SELECT 1 FROM participation_proposals p JOIN participation_rounds r ON r.document_id = p.round_document_id ` +
    `WHERE p.municipality_code = ${line('municipality_code')} AND r.fiscal_year = ${line('fiscal_year')} AND ${namesCode}) ` +
    `OR EXISTS (SELECT 1 FROM participation_decision_log_entries d WHERE d.municipality_code = ${line('municipality_code')} AND (` +
    `(d.subject_kind = 'budget-line' AND d.subject_ref = ${line('fiscal_year')} || '/' || ${line('code')}) OR (${chargedTo})))`
  );
};

export const addBudgetLinesReferencedGuard = async (knex: Knex) => {
  const explanation = 'proposals or decisions refer to this budget line';
  // PostgreSQL's TRUNCATE runs no row triggers; nothing the app does truncates.
  await addRowGuard(knex, BUDGET_LINES_REFERENCED, 'participation_budget_lines', {
    on: ['DELETE'],
    condition: ({ previous }) => `NOT (${budgetLineIsReferenced(knex, previous)})`,
    explanation,
  });
  await addRowGuard(knex, `${BUDGET_LINES_REFERENCED}_key`, 'participation_budget_lines', {
    on: ['UPDATE'],
    condition: ({ row, previous }) =>
      `(${BUDGET_LINE_KEY.map((column) => `${row(column)} IS NOT DISTINCT FROM ${previous(column)}`).join(' AND ')}) ` +
      `OR NOT (${budgetLineIsReferenced(knex, previous)})`,
    explanation: `${explanation} by its municipality, year and code`,
  });
};

/**
 * Districts per voter (#11 item 5): a participation record's `district_scope` is '*' in a round whose
 * voters vote in one district and the district's code in a round whose voters vote in every district,
 * checked against the round by the database; one record per voter, round and scope then lets a voter
 * into one district, or into each district once, whoever writes.
 */
const PARTICIPATION_DISTRICT_SCOPE = 'participation_round_participations_district_scope';
export const PARTICIPATION_SCOPE_INDEX = 'participation_round_participations_scope_uq';

export const addDistrictsPerVoterGuards = async (knex: Knex) => {
  await addRowGuard(knex, PARTICIPATION_DISTRICT_SCOPE, 'participation_round_participations', {
    on: ['INSERT', 'UPDATE'],
    condition: ({ row }) =>
      `COALESCE(${row('district_scope')} = (SELECT CASE WHEN districts_per_voter = 'every' THEN ${row('district_code')} ELSE '${ONE_DISTRICT_SCOPE}' END ` +
      `FROM participation_rounds WHERE document_id = ${row('round_document_id')}), FALSE)`,
    explanation: 'a voter takes part in one district of a round, or in each district once where districtsPerVoter is every',
  });
  await addUniqueIndex(knex, PARTICIPATION_SCOPE_INDEX, 'participation_round_participations', ['round_document_id', 'participant_key', 'district_scope']);
};

/**
 * The phase machine and the ballot, held by the database (#11 item 4). A round is created in draft and
 * its phase moves only along PHASE_ACTIONS (domain/rounds/phases.ts), so the rules cannot be thawed by
 * moving a round back; it reaches voting only with the fingerprint of its settings stored; once voting
 * opened it is never deleted. The proposals on its ballot keep what the count reads (costs, districts,
 * ballot numbers, markers, titles) and stay on it, and none joins it after voting opened.
 */
const ROUND_PHASE_MACHINE = 'participation_rounds_phase_machine';
const ROUND_CREATED_IN_DRAFT = 'participation_rounds_created_in_draft';
const ROUND_KEPT_ONCE_VOTING = 'participation_rounds_kept_once_voting';
const BALLOT_PROPOSALS_FROZEN = 'participation_proposals_ballot_frozen';
const BALLOT_PROPOSALS_JOIN = 'participation_proposals_ballot_join';
const BALLOT_PROPOSALS_KEPT = 'participation_proposals_ballot_kept';
const BALLOT_PROPOSAL_COLUMNS = [
  'document_id',
  'round_document_id',
  'municipality_code',
  'district_code',
  'title',
  'requested_minor',
  'cost_estimate_minor',
  'ballot_number',
  'gender_marker',
  'youth_marker',
];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const onBallot = (status: string) => `${status} IN (${list(BALLOT_STATUSES)})`;
/** No round of that id whose voting opened (a proposal of no round at all is on no count's ballot). */
const noFrozenRound = (roundDocumentId: string) =>
  `NOT EXISTS (SELECT 1 FROM participation_rounds WHERE document_id = ${roundDocumentId} AND phase NOT IN (${list(OPEN_PHASES)}))`;

export const addPhaseMachineGuards = async (knex: Knex) => {
  await addUniqueIndex(knex, 'participation_rounds_document_uq', 'participation_rounds', ['document_id']);
  await addUniqueIndex(knex, 'participation_proposals_document_uq', 'participation_proposals', ['document_id']);
  await addRowGuard(knex, ROUND_CREATED_IN_DRAFT, 'participation_rounds', {
    on: ['INSERT'],
    condition: ({ row }) => `${row('phase')} = '${ROUND_PHASES[0]}'`,
    explanation: 'a round is created in draft and moves on by its phase actions',
  });
  await addRowGuard(knex, ROUND_PHASE_MACHINE, 'participation_rounds', {
    on: ['UPDATE'],
    condition: ({ row, previous }) =>
      `(${row('phase')} = ${previous('phase')} OR ` +
      PHASE_MOVES.map(({ from, to }) => `(${previous('phase')} = '${from}' AND ${row('phase')} = '${to}')`).join(' OR ') +
      `) AND (${row('phase')} IN (${list(OPEN_PHASES)}) OR ${row('settings_fingerprint')} IS NOT NULL)`,
    explanation: `a round moves one phase on at a time (${ROUND_PHASES.join(', ')}), into voting only with its settings fingerprint`,
  });
  await addRowGuard(knex, ROUND_KEPT_ONCE_VOTING, 'participation_rounds', {
    on: ['DELETE'],
    condition: ({ previous }) => `${previous('phase')} IN (${list(OPEN_PHASES)})`,
    explanation: 'a round is kept once voting has opened',
  });
  await addBallotProposalGuards(knex);
};

export const addBallotProposalGuards = async (knex: Knex) => {
  await addRowGuard(knex, BALLOT_PROPOSALS_JOIN, 'participation_proposals', {
    on: ['INSERT'],
    condition: ({ row }) => `NOT ${onBallot(row('proposal_status'))} OR ${noFrozenRound(row('round_document_id'))}`,
    explanation: 'no proposal joins a ballot once voting has opened',
  });
  await addRowGuard(knex, BALLOT_PROPOSALS_FROZEN, 'participation_proposals', {
    on: ['UPDATE'],
    condition: ({ row, previous }) =>
      `(NOT ${onBallot(previous('proposal_status'))} AND (NOT ${onBallot(row('proposal_status'))} OR ${noFrozenRound(row('round_document_id'))})) OR ` +
      `(${onBallot(previous('proposal_status'))} AND ${onBallot(row('proposal_status'))} AND ` +
      BALLOT_PROPOSAL_COLUMNS.map((column) => `${row(column)} IS NOT DISTINCT FROM ${previous(column)}`).join(' AND ') +
      ')',
    explanation: 'a proposal on the ballot keeps its cost, district, ballot number, markers and title, and no proposal joins a ballot once voting has opened',
  });
  await addRowGuard(knex, BALLOT_PROPOSALS_KEPT, 'participation_proposals', {
    on: ['DELETE'],
    condition: ({ previous }) => `NOT ${onBallot(previous('proposal_status'))}`,
    explanation: 'a proposal that went on the ballot is kept',
  });
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
