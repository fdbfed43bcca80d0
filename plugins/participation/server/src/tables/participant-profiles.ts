import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { accountTables } from './accounts';
import { columnOf, tableOf } from './metadata';

/**
 * The participant profiles' table, owned by services/participant-profile.ts, which writes it through the
 * Query Engine and lists a municipality's residents with one knex query joined to the accounts (the
 * workspace's verification list: a filter on a JSON column and a search on the account).
 */
export const participantProfileTables = (strapi: Core.Strapi) => ({
  profiles: tableOf(strapi, UID.participantProfile),
  column: (attribute: string) => columnOf(strapi, UID.participantProfile, attribute),
  users: accountTables(strapi).users,
  userColumn: (attribute: string) => columnOf(strapi, UID.user, attribute),
});
