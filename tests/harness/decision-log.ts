import type { TestApp } from './app';
import { sealNextEntry, type ChainEntry } from '../../plugins/participation/server/src/domain/decision-log/chain';
import { canonicalJson } from '../../plugins/participation/server/src/domain/decision-log/canonical-json';

/** The decision tests' decisions: the youth centre proposal funded from 0950-01, and home care approved on 1040-01. */
export const fundYouthCentre = (proposal: string) => ({
  kind: 'fund',
  subject: { kind: 'proposal', documentId: proposal },
  amount: '250000.50',
  budgetLine: { code: '0950-01', fiscalYear: 2026 },
  councilDecisionReference: 'VKB nr. 45',
  decisionDate: '2026-03-12',
  rationale: 'Selected in the youth round; funded from the youth centres line.',
});
export const APPROVE_HOME_CARE = {
  kind: 'approve', subject: { kind: 'budget-line', code: '1040-01', fiscalYear: 2026 }, amount: 900000,
  councilDecisionReference: 'VKB nr. 46', decisionDate: '2026-03-12', rationale: 'Home care continues.',
};

export const DECISION_LOG_TABLE = 'participation_decision_log_entries';

/** Drops the triggers that keep the decision log append-only, as an operator with the database could. */
export const dropAppendOnlyTriggers = async (app: TestApp) => {
  const statements =
    app.engine === 'postgres'
      ? [`DROP TRIGGER participation_decision_log_append_only_change ON ${DECISION_LOG_TABLE}`]
      : ['DROP TRIGGER participation_decision_log_append_only_update', 'DROP TRIGGER participation_decision_log_append_only_delete'];
  for (const statement of statements) await app.strapi.db.connection.raw(statement);
};

/**
 * A careful rewrite in plain SQL: entry `sequence` gets another decision and every hash from there on is
 * recomputed, so the chain holds in itself and only a checkpoint kept earlier shows it.
 */
export const rewriteEntry = async (app: TestApp, municipalityCode: string, entries: ChainEntry[], sequence: number, rewrite: (decision: ChainEntry['decision']) => ChainEntry['decision']) => {
  const resealed: ChainEntry[] = entries.filter((entry) => entry.sequence < sequence);
  for (const entry of entries.filter((candidate) => candidate.sequence >= sequence)) {
    resealed.push(sealNextEntry(resealed.at(-1) ?? null, entry.sequence === sequence ? rewrite(entry.decision) : entry.decision, entry.publishedAt));
  }
  for (const entry of resealed.filter((candidate) => candidate.sequence >= sequence)) {
    await app.strapi.db
      .connection(DECISION_LOG_TABLE)
      .where({ municipality_code: municipalityCode, sequence: entry.sequence })
      .update({ decision_json: canonicalJson(entry.decision), previous_hash: entry.previousHash, entry_hash: entry.hash });
  }
};
