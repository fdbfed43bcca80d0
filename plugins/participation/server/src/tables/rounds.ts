import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/**
 * The round aggregate's tables, owned by services/round.ts and services/proposal.ts, which write them
 * through the Document Service. Read with knex only where a row lock or the frozen settings need it
 * (database/frozen-settings.ts, shared with the migrations, names them itself).
 */
export const roundTables = (strapi: Core.Strapi) => ({
  rounds: tableOf(strapi, UID.round),
  proposals: tableOf(strapi, UID.proposal),
});
