import type { Knex } from 'knex';
import { addIndex } from '../constraints';

/**
 * The indexes the reports and open-data exports read by (#16, Speed), so that each of their reads is an
 * index range rather than a scan of a table that grows with every proposal and decision:
 * - an export's keyset pages of a municipality's proposals (`municipality_code`, then `id` order), and the
 *   status history of each page's proposals;
 * - a programme's rounds (municipality and fiscal year) and the proposals of those rounds;
 * - the decision log's funding-relevant entries (by kind, and the few corrections) and the entries
 *   published within a span of years;
 * - the commitments of a programme's municipalities and their status history.
 */
export async function up(knex: Knex) {
  await addIndex(knex, 'participation_proposals_municipality_idx', 'participation_proposals', ['municipality_code', 'id']);
  await addIndex(knex, 'participation_proposals_round_idx', 'participation_proposals', ['round_document_id']);
  await addIndex(knex, 'participation_proposal_status_changes_proposal_idx', 'participation_proposal_status_changes', ['proposal_document_id']);
  await addIndex(knex, 'participation_rounds_municipality_year_idx', 'participation_rounds', ['municipality_code', 'fiscal_year']);
  await addIndex(knex, 'participation_decision_log_entries_kind_idx', 'participation_decision_log_entries', ['municipality_code', 'decision_kind', 'sequence']);
  await addIndex(knex, 'participation_decision_log_entries_corrections_idx', 'participation_decision_log_entries', ['municipality_code', 'sequence'], 'corrects_sequence IS NOT NULL');
  await addIndex(knex, 'participation_decision_log_entries_published_idx', 'participation_decision_log_entries', ['municipality_code', 'entry_published_at']);
  await addIndex(knex, 'participation_commitments_municipality_idx', 'participation_commitments', ['municipality_code', 'id']);
  await addIndex(knex, 'participation_commitment_status_changes_commitment_idx', 'participation_commitment_status_changes', ['commitment_document_id']);
}
