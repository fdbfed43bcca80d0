import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { BudgetLine, DecisionLogEntry } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { formatMinor } from '../domain/money/amount';
import { csvStream, jsonStream, keysetPages, reader, type DatasetReader, type ExportColumn } from '../domain/open-data/streams';
import { decisionLogTables } from '../tables/decision-log';
import { columnOf, tableOf } from '../tables/metadata';
import type { BudgetLineRow } from '../tables/budget-lines';
import type { ProposalRow, ProposalStatusChangeRow } from '../tables/rounds';
import { getService } from '../utils/get-service';
import { readJson } from '../utils/json-column';
import { toBudgetLine } from './budget-line';
import { ENTRY_COLUMNS, toEntry } from './decision-log';
import { PROGRESS_DATASETS, progressReaders } from './open-data-progress';

export const DATASETS = ['budget-lines', 'proposals', 'decisions', ...PROGRESS_DATASETS] as const;
export type Dataset = (typeof DATASETS)[number];
export type ExportFormat = 'csv' | 'json';

const BUDGET_LINE_COLUMNS: ReadonlyArray<ExportColumn<BudgetLine>> = [
  { name: 'municipality_code', value: (line) => line.municipalityCode },
  { name: 'fiscal_year', value: (line) => line.fiscalYear },
  { name: 'code', value: (line) => line.code },
  { name: 'name', value: (line) => line.name },
  { name: 'programme', value: (line) => line.programme },
  { name: 'functional_classification', value: (line) => line.functionalClassification },
  ...(['approved', 'revised', 'committed', 'spent'] as const).map((kind) => ({ name: kind, value: (line: BudgetLine) => line.amounts[kind] })),
  { name: 'gender_marker', value: (line) => line.genderMarker },
  { name: 'youth_marker', value: (line) => line.youthMarker },
  { name: 'sdg_targets', value: (line) => line.sdgTargets.join(';') },
];

type ExportedProposal = ReturnType<typeof toExportedProposal>;
const toExportedProposal = (row: ProposalRow, history: ProposalStatusChangeRow[]) => ({
  documentId: row.documentId,
  roundDocumentId: row.roundDocumentId,
  municipalityCode: row.municipalityCode,
  districtCode: row.districtCode || null,
  ballotNumber: row.ballotNumber ?? null,
  title: row.title,
  requestedAmount: formatMinor(row.requestedMinor),
  costEstimate: row.costEstimateMinor == null ? null : formatMinor(row.costEstimateMinor),
  budgetLineCodes: readJson<string[]>(row.budgetLineCodes, []),
  targetGroups: readJson<string[]>(row.targetGroups, []),
  genderMarker: row.genderMarker,
  youthMarker: row.youthMarker,
  status: row.proposalStatus,
  statusHistory: history.map((change) => ({ from: change.fromStatus ?? null, to: change.toStatus, at: new Date(change.changedAt).toISOString(), note: change.note ?? null })),
});

/** What the proposals export reads of a proposal and of a status change. */
const PROPOSAL_FIELDS = ['id', 'documentId', 'roundDocumentId', 'municipalityCode', 'districtCode', 'ballotNumber', 'title', 'requestedMinor', 'costEstimateMinor', 'budgetLineCodes', 'targetGroups', 'genderMarker', 'youthMarker', 'proposalStatus'] as const;
const CHANGE_FIELDS = ['proposalDocumentId', 'fromStatus', 'toStatus', 'changedAt', 'note'] as const;

const PROPOSAL_COLUMNS: ReadonlyArray<ExportColumn<ExportedProposal>> = [
  { name: 'document_id', value: (proposal) => proposal.documentId },
  { name: 'round_document_id', value: (proposal) => proposal.roundDocumentId },
  { name: 'municipality_code', value: (proposal) => proposal.municipalityCode },
  { name: 'district_code', value: (proposal) => proposal.districtCode },
  { name: 'ballot_number', value: (proposal) => proposal.ballotNumber },
  { name: 'title', value: (proposal) => proposal.title },
  { name: 'requested_amount', value: (proposal) => proposal.requestedAmount },
  { name: 'cost_estimate', value: (proposal) => proposal.costEstimate },
  { name: 'budget_line_codes', value: (proposal) => proposal.budgetLineCodes.join(';') },
  { name: 'target_groups', value: (proposal) => proposal.targetGroups.join(';') },
  { name: 'gender_marker', value: (proposal) => proposal.genderMarker },
  { name: 'youth_marker', value: (proposal) => proposal.youthMarker },
  { name: 'status', value: (proposal) => proposal.status },
  // One cell: each step as "status@instant", in order.
  { name: 'status_history', value: (proposal) => proposal.statusHistory.map((step) => `${step.to}@${step.at}`).join(';') },
];

const DECISION_COLUMNS: ReadonlyArray<ExportColumn<DecisionLogEntry>> = [
  { name: 'sequence', value: (entry) => entry.sequence },
  { name: 'published_at', value: (entry) => entry.publishedAt },
  { name: 'municipality_code', value: (entry) => entry.municipalityCode },
  { name: 'decision_kind', value: (entry) => entry.decisionKind },
  { name: 'subject_kind', value: (entry) => entry.subjectKind },
  { name: 'subject_ref', value: (entry) => entry.subjectRef },
  { name: 'corrects_entry', value: (entry) => entry.correctsEntry },
  { name: 'hash_rule', value: (entry) => entry.hashRule },
  { name: 'previous_hash', value: (entry) => entry.previousHash },
  { name: 'hash', value: (entry) => entry.hash },
  { name: 'decision_json', value: (entry) => JSON.stringify(entry.decision) },
];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** Rows of a content type in one municipality, a page at a time in id order. */
  const rowsByKey = <Row extends { id: number }>(uid: string, municipalityCode: string, where: Record<string, unknown> = {}) =>
    keysetPages<Row>(
      async (after, limit) =>
        (await strapi.db.query(uid as typeof UID.budgetLine).findMany({
          where: { ...where, municipalityCode, ...(after === null ? {} : { id: { $gt: after } }) },
          orderBy: { id: 'asc' },
          limit,
        })) as unknown as Row[],
      (row) => row.id
    );

  /** Columns selected under their attributes' names, as the Query Engine would return them. */
  const aliased = (uid: string, fields: readonly string[]) => fields.map((field) => (field === 'id' ? 'id' : `${columnOf(strapi, uid, field)} as ${field}`));

  /**
   * Like `rowsByKey`, read with knex and only the fields named: the Query Engine's hydration of each row
   * costs more than formatting the export, and the largest exports (proposals) are read this way.
   */
  const columnsByKey = <Row extends { id: number }>(uid: string, municipalityCode: string, fields: readonly string[]) =>
    keysetPages<Row>(
      async (after, limit) => {
        const query = knex()(tableOf(strapi, uid)).where(columnOf(strapi, uid, 'municipalityCode'), municipalityCode).orderBy('id', 'asc').limit(limit).select(aliased(uid, fields));
        return (await (after === null ? query : query.where('id', '>', after))) as Row[];
      },
      (row) => row.id
    );

  /** Count, last id and last change of a content type's rows in one municipality. */
  const contentVersion = async (uid: string, municipalityCode: string) => {
    const column = (attribute: string) => columnOf(strapi, uid, attribute);
    return knex()(tableOf(strapi, uid))
      .where(column('municipalityCode'), municipalityCode)
      .first(knex().raw('count(*) as n, max(id) as k, max(??) as m', [column('updatedAt')]));
  };

  const readers: { [Name in Dataset]: DatasetReader<unknown> } = {
    'budget-lines': reader<BudgetLine>({
      pages: async function* (municipalityCode) {
        for await (const rows of rowsByKey<BudgetLineRow>(UID.budgetLine, municipalityCode)) yield rows.map(toBudgetLine);
      },
      columns: BUDGET_LINE_COLUMNS,
      version: (municipalityCode) => contentVersion(UID.budgetLine, municipalityCode),
    }),
    proposals: reader<ExportedProposal>({
      pages: async function* (municipalityCode) {
        for await (const rows of columnsByKey<ProposalRow>(UID.proposal, municipalityCode, PROPOSAL_FIELDS)) {
          // One read of the page's status history, not one per proposal.
          const changes = (await knex()(tableOf(strapi, UID.proposalStatusChange))
            .whereIn(columnOf(strapi, UID.proposalStatusChange, 'proposalDocumentId'), rows.map((row) => row.documentId))
            .orderBy([columnOf(strapi, UID.proposalStatusChange, 'changedAt'), 'id'])
            .select(aliased(UID.proposalStatusChange, CHANGE_FIELDS))) as ProposalStatusChangeRow[];
          yield rows.map((row) => toExportedProposal(row, changes.filter((change) => change.proposalDocumentId === row.documentId)));
        }
      },
      columns: PROPOSAL_COLUMNS,
      version: (municipalityCode) => contentVersion(UID.proposal, municipalityCode),
    }),
    decisions: reader<DecisionLogEntry>({
      pages: async function* (municipalityCode) {
        const { entries } = decisionLogTables(strapi);
        yield* keysetPages(
          async (after, limit) => {
            const query = knex()(entries).where({ municipality_code: municipalityCode }).orderBy('sequence', 'asc').limit(limit).select(ENTRY_COLUMNS);
            return (await (after === null ? query : query.where('sequence', '>', after))).map(toEntry);
          },
          (entry) => entry.sequence
        );
      },
      columns: DECISION_COLUMNS,
      // The log is append-only: its length says everything.
      version: (municipalityCode) => knex()(decisionLogTables(strapi).entries).where({ municipality_code: municipalityCode }).first(knex().raw('count(*) as n, max(sequence) as k')),
    }),
    ...progressReaders(strapi, { rowsByKey, contentVersion }),
  };

  return {
    /**
     * An export's ETag, read before anything else so that an unchanged export is answered 304 without
     * being read. An unknown municipality is a 400 naming `municipalityCode`.
     */
    async etag(dataset: Dataset, format: ExportFormat, municipalityCode: string): Promise<string> {
      await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');
      const version = JSON.stringify(await readers[dataset].version(municipalityCode));
      return `"${createHash('sha256').update(`${dataset}|${format}|${municipalityCode}|${version}`).digest('base64url').slice(0, 27)}"`;
    },

    /** The export as a stream; nothing is read until the answer is being sent. */
    stream(dataset: Dataset, format: ExportFormat, municipalityCode: string): Readable {
      const reader = readers[dataset];
      const pages = reader.pages(municipalityCode);
      return format === 'csv' ? csvStream(pages, reader.columns) : jsonStream(pages);
    },
  };
};
