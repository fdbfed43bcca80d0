import type { Knex } from 'knex';
import { addRowGuard } from './constraints';

/** Refuses a ballot written (or replaced) for a round that is not in its voting phase. */
export const BALLOTS_WHILE_VOTING = 'participation_ballots_while_voting';

export const addBallotsWhileVotingGuard = (knex: Knex) =>
  addRowGuard(
    knex,
    BALLOTS_WHILE_VOTING,
    'participation_ballots',
    (column) => `EXISTS (SELECT 1 FROM participation_rounds WHERE document_id = ${column('round_document_id')} AND phase = 'voting')`,
    'a ballot is stored only while its round is in its voting phase'
  );
