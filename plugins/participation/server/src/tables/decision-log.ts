import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/** Signed checkpoints of the log (made by a migration, no content type: nothing edits them). */
const CHECKPOINTS = 'participation_decision_log_checkpoints';

/** The decision log's tables, owned by services/decision-log.ts: the append-only entries and their signed checkpoints. */
export const decisionLogTables = (strapi: Core.Strapi) => ({
  entries: tableOf(strapi, UID.decisionLogEntry),
  checkpoints: CHECKPOINTS,
});
