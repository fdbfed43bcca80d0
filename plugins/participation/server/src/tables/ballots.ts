import type { Core } from '@strapi/strapi';
import type { VotingChannel } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { BALLOT_CONFLICTS } from '../database/guards';
import { RUNNING_TOTALS } from '../database/running-totals';
import type { StoredTime } from './column-values';
import { tableOf } from './metadata';

/**
 * The voting aggregate's tables, owned by services/ballot.ts: ballots and participation records (two
 * tables that share no identity), the conflicts staff settle and the running totals the database keeps
 * (made by migrations, no content type).
 */
export const ballotTables = (strapi: Core.Strapi) => ({
  ballots: tableOf(strapi, UID.ballot),
  participations: tableOf(strapi, UID.roundParticipation),
  conflicts: BALLOT_CONFLICTS,
  runningTotals: RUNNING_TOTALS,
});

/** A ballot's columns that are published once voting closes, as knex reads them (`choices` is JSON). */
export interface BallotRow {
  district_code: string;
  choices: unknown;
  channel: VotingChannel;
  receipt_code: string;
}

/** The columns of a participation record staff see, with the voter's and facilitator's usernames joined in. */
export interface ParticipationListRow {
  username: string | null;
  facilitator: string | null;
  district_code: string;
  channel: VotingChannel;
  last_cast_at: StoredTime;
  voter_id: number | null;
}

/** A conflict staff settle, with the voter's and facilitator's usernames joined in. */
export interface BallotConflictListRow {
  username: string | null;
  facilitator: string | null;
  channel: VotingChannel;
  district_code: string;
  recorded_at: StoredTime;
}
