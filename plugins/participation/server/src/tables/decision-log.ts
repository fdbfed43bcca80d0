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

/** The columns of an entry that the log shows and hashes, as knex reads them. */
export interface DecisionLogEntryRow {
  sequence: number;
  /** Null in entries sealed before hash rule 2. */
  hash_rule: number | null;
  previous_hash: string;
  entry_hash: string;
  entry_published_at: string;
  municipality_code: string;
  decision_kind: string;
  subject_kind: string;
  subject_ref: string;
  corrects_sequence: number | null;
  decision_json: string;
}

export interface DecisionLogCheckpointRow {
  municipality_code: string;
  size: number;
  head_hash: string;
  issued_at: string;
  key_id: string;
  signature: string;
}
