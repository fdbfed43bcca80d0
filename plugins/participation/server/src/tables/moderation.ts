import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/** The moderation aggregate's tables, owned by services/moderation.ts: reports, the append-only action log, suspensions. */
export const moderationTables = (strapi: Core.Strapi) => ({
  reports: tableOf(strapi, UID.postReport),
  actions: tableOf(strapi, UID.moderationAction),
  suspensions: tableOf(strapi, UID.forumSuspension),
});
