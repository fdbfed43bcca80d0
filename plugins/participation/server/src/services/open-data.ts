import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { BudgetLine } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { formatMinor } from '../domain/money/amount';
import { csvStream, jsonStream, keysetPages, reader, type DatasetReader, type ExportColumn } from '../domain/open-data/streams';
import { decisionLogTables, type DecisionLogEntryRow } from '../tables/decision-log';
import { columnOf, tableOf } from '../tables/metadata';
import type { BudgetLineRow } from '../tables/budget-lines';
import type { ProposalRow, ProposalStatusChangeRow } from '../tables/rounds';
import { getService } from '../utils/get-service';
import { readJson } from '../utils/json-column';
import { toBudgetLine } from './budget-line';
import { correctsEntryOf, ENTRY_COLUMNS, hashRuleOf, toEntry } from './decision-log';
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

/** A proposal as its export reads it: the selected columns and its status changes, oldest first. */
interface ProposalWithHistory {
  row: ProposalRow;
  history: ProposalStatusChangeRow[];
}

const costOf = (row: ProposalRow) => (row.costEstimateMinor == null ? null : formatMinor(row.costEstimateMinor));
const listOf = (column: unknown) => readJson<string[]>(column, []);
const instantOf = (change: ProposalStatusChangeRow) => new Date(change.changedAt).toISOString();

/** The JSON export's record; the CSV columns read the row itself, making no such object per proposal. */
const toExportedProposal = ({ row, history }: ProposalWithHistory) => ({
  documentId: row.documentId,
  roundDocumentId: row.roundDocumentId,
  municipalityCode: row.municipalityCode,
  districtCode: row.districtCode || null,
  ballotNumber: row.ballotNumber ?? null,
  title: row.title,
  requestedAmount: formatMinor(row.requestedMinor),
  costEstimate: costOf(row),
  budgetLineCodes: listOf(row.budgetLineCodes),
  targetGroups: listOf(row.targetGroups),
  genderMarker: row.genderMarker,
  youthMarker: row.youthMarker,
  status: row.proposalStatus,
  statusHistory: history.map((change) => ({ from: change.fromStatus ?? null, to: change.toStatus, at: instantOf(change), note: change.note ?? null })),
});

/** What the proposals export reads of a proposal and of a status change. */
const PROPOSAL_FIELDS = ['id', 'documentId', 'roundDocumentId', 'municipalityCode', 'districtCode', 'ballotNumber', 'title', 'requestedMinor', 'costEstimateMinor', 'budgetLineCodes', 'targetGroups', 'genderMarker', 'youthMarker', 'proposalStatus'] as const;
const CHANGE_FIELDS = ['proposalDocumentId', 'fromStatus', 'toStatus', 'changedAt', 'note'] as const;

const PROPOSAL_COLUMNS: ReadonlyArray<ExportColumn<ProposalWithHistory>> = [
  { name: 'document_id', value: ({ row }) => row.documentId },
  { name: 'round_document_id', value: ({ row }) => row.roundDocumentId },
  { name: 'municipality_code', value: ({ row }) => row.municipalityCode },
  { name: 'district_code', value: ({ row }) => row.districtCode || null },
  { name: 'ballot_number', value: ({ row }) => row.ballotNumber ?? null },
  { name: 'title', value: ({ row }) => row.title },
  { name: 'requested_amount', value: ({ row }) => formatMinor(row.requestedMinor) },
  { name: 'cost_estimate', value: ({ row }) => costOf(row) },
  { name: 'budget_line_codes', value: ({ row }) => listOf(row.budgetLineCodes).join(';') },
  { name: 'target_groups', value: ({ row }) => listOf(row.targetGroups).join(';') },
  { name: 'gender_marker', value: ({ row }) => row.genderMarker },
  { name: 'youth_marker', value: ({ row }) => row.youthMarker },
  { name: 'status', value: ({ row }) => row.proposalStatus },
  // One cell: each step as "status@instant", in order.
  { name: 'status_history', value: ({ history }) => history.map((change) => `${change.toStatus}@${instantOf(change)}`).join(';') },
];

/** The decisions export writes the log's rows as read, its decision as the stored canonical JSON text it was hashed as. */
const DECISION_COLUMNS: ReadonlyArray<ExportColumn<DecisionLogEntryRow>> = [
  { name: 'sequence', value: (row) => Number(row.sequence) },
  { name: 'published_at', value: (row) => row.entry_published_at },
  { name: 'municipality_code', value: (row) => row.municipality_code },
  { name: 'decision_kind', value: (row) => row.decision_kind },
  { name: 'subject_kind', value: (row) => row.subject_kind },
  { name: 'subject_ref', value: (row) => row.subject_ref },
  { name: 'corrects_entry', value: correctsEntryOf },
  { name: 'hash_rule', value: hashRuleOf },
  { name: 'previous_hash', value: (row) => row.previous_hash },
  { name: 'hash', value: (row) => row.entry_hash },
  { name: 'decision_json', value: (row) => row.decision_json },
];

/**
 * Rows per page of the exports read with knex (proposals, decisions). At 500 the formatting waited for
 * each page's round trip on a busy machine; from 2,000 up the two pages held survive the young
 * generation's collections, and the collector's time grew past the round trips saved (docs/open-data.md).
 */
const LEAN_PAGE_SIZE = 1000;

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
   * A page of proposals with their status history, read with knex and only the fields the export needs
   * (the Query Engine's hydration of each row costs more than formatting the export). The history is read
   * with its page, so that the read ahead of `keysetPages` covers both statements.
   */
  const proposalPage = async (municipalityCode: string, after: number | null, limit: number): Promise<ProposalWithHistory[]> => {
    const proposals = () => knex()(tableOf(strapi, UID.proposal)).where(columnOf(strapi, UID.proposal, 'municipalityCode'), municipalityCode);
    const query = proposals().orderBy('id', 'asc').limit(limit).select(aliased(UID.proposal, PROPOSAL_FIELDS));
    const rows = (await (after === null ? query : query.where('id', '>', after))) as ProposalRow[];
    if (rows.length === 0) return [];
    // One read of the page's status history, not one per proposal; the page's proposals named by their id
    // range rather than by a thousand bound values.
    const changes = (await knex()(tableOf(strapi, UID.proposalStatusChange))
      .whereIn(
        columnOf(strapi, UID.proposalStatusChange, 'proposalDocumentId'),
        proposals().whereBetween('id', [rows[0].id, rows[rows.length - 1].id]).select(columnOf(strapi, UID.proposal, 'documentId'))
      )
      .orderBy([columnOf(strapi, UID.proposalStatusChange, 'changedAt'), 'id'])
      .select(aliased(UID.proposalStatusChange, CHANGE_FIELDS))) as ProposalStatusChangeRow[];
    const historyOf = new Map<string, ProposalStatusChangeRow[]>();
    for (const change of changes) {
      const history = historyOf.get(change.proposalDocumentId);
      if (history) history.push(change);
      else historyOf.set(change.proposalDocumentId, [change]);
    }
    return rows.map((row) => ({ row, history: historyOf.get(row.documentId) ?? [] }));
  };

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
    proposals: reader<ProposalWithHistory>({
      pages: (municipalityCode) => keysetPages((after, limit) => proposalPage(municipalityCode, after, limit), ({ row }) => row.id, LEAN_PAGE_SIZE),
      columns: PROPOSAL_COLUMNS,
      toJson: toExportedProposal,
      version: (municipalityCode) => contentVersion(UID.proposal, municipalityCode),
    }),
    decisions: reader<DecisionLogEntryRow>({
      pages: (municipalityCode) =>
        keysetPages(
          async (after, limit) => {
            const query = knex()(decisionLogTables(strapi).entries).where({ municipality_code: municipalityCode }).orderBy('sequence', 'asc').limit(limit).select(ENTRY_COLUMNS);
            return (await (after === null ? query : query.where('sequence', '>', after))) as DecisionLogEntryRow[];
          },
          (row) => Number(row.sequence),
          LEAN_PAGE_SIZE
        ),
      columns: DECISION_COLUMNS,
      toJson: toEntry,
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
      return format === 'csv' ? csvStream(pages, reader.columns) : jsonStream(pages, reader.toJson);
    },
  };
};
