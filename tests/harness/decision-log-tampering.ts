import type { TestApp } from './app';
import { sealNextEntry, type ChainEntry } from '../../plugins/participation/server/src/domain/decision-log/chain';
import { canonicalJson } from '../../plugins/participation/server/src/domain/decision-log/canonical-json';

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
