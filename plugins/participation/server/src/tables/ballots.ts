import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { BALLOT_CONFLICTS } from '../database/guards';
import { tableOf } from './metadata';

/**
 * The voting aggregate's tables, owned by services/ballot.ts: ballots and participation records (two
 * tables that share no identity) and the conflicts staff settle (made by a migration, no content type).
 */
export const ballotTables = (strapi: Core.Strapi) => ({
  ballots: tableOf(strapi, UID.ballot),
  participations: tableOf(strapi, UID.roundParticipation),
  conflicts: BALLOT_CONFLICTS,
});
