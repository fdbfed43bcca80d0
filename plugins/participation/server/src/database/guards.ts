import type { Knex } from 'knex';
import { ROUND_PHASES, rulesAreFrozen } from '../domain/rounds/phases';
import { addRowGuard } from './constraints';

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
