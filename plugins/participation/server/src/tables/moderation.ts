import type { Core } from '@strapi/strapi';
import type { ModerationActionKind, ReportReason } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { StoredBigInt, StoredTime } from './column-values';
import { tableOf } from './metadata';

/** The moderation aggregate's tables, owned by services/moderation.ts: reports, the append-only action log, suspensions. */
export const moderationTables = (strapi: Core.Strapi) => ({
  reports: tableOf(strapi, UID.postReport),
  actions: tableOf(strapi, UID.moderationAction),
  suspensions: tableOf(strapi, UID.forumSuspension),
});

// The rows as knex reads them. Enumerations are plain text columns; only this aggregate's service writes
// them, with the values its routes validated.

export interface PostReportRow {
  post_document_id: string;
  reason: ReportReason;
  note: string | null;
  created_at: StoredTime;
}

/** The action log counted per action and reason. */
export interface ModerationActionCountRow {
  action: ModerationActionKind;
  reason: string;
  n: StoredBigInt;
}
