import type { Core } from '@strapi/strapi';
import type { Commitment, ConsultationSummary, Milestone, RoundResult } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { INPUT_CHANNELS } from '../domain/consultations/input-channels';
import { currentFunding } from '../domain/decision-log/funding';
import { formatMinor } from '../domain/money/amount';
import { reader, type DatasetReader, type ExportColumn } from '../domain/open-data/streams';
import { resultIsPublic } from '../domain/rounds/ballot-publicity';
import type { CommitmentRow } from '../tables/commitments';
import type { ConsultationRow } from '../tables/consultations';
import type { ImplementationRow } from '../tables/implementation';
import type { ProposalRow, RoundRow } from '../tables/rounds';
import { decisionLogTables } from '../tables/decision-log';
import { tableOf } from '../tables/metadata';
import { getService } from '../utils/get-service';
import { readJson } from '../utils/json-column';

/**
 * The open-data exports of what happened after the vote: round results, implementation progress,
 * consultation summaries and the commitments register (docs/open-data.md). Each is read a page at a
 * time by `rowsByKey` (keyset paging), like the budget lines and proposals in services/open-data.ts.
 */
export interface PageReads {
  rowsByKey: <Row extends { id: number }>(uid: string, municipalityCode: string, where?: Record<string, unknown>) => AsyncGenerator<Row[]>;
  contentVersion: (uid: string, municipalityCode: string) => Promise<unknown>;
}

const iso = (value: string | number | Date | null | undefined) => (value == null ? null : new Date(value).toISOString());

/** One proposal's line in a district's published result. */
type ResultLine = ReturnType<typeof resultLines>[number];
const resultLines = (round: Pick<RoundRow, 'documentId' | 'municipalityCode' | 'fiscalYear' | 'title'>, result: RoundResult, titles: Map<string, string>) =>
  result.districts.flatMap((district) =>
    Object.entries(district.support).map(([proposalDocumentId, support]) => ({
      roundDocumentId: round.documentId,
      roundTitle: round.title,
      municipalityCode: round.municipalityCode,
      fiscalYear: round.fiscalYear,
      countedAt: result.countedAt,
      rule: result.rule,
      districtCode: district.districtCode,
      districtBudget: district.budget,
      districtSpent: district.spent,
      districtBallots: district.ballots,
      proposalDocumentId,
      proposalTitle: titles.get(proposalDocumentId) ?? null,
      votes: support.votes,
      points: support.points ?? null,
      selected: district.selected.includes(proposalDocumentId),
      // 1 for the first project the rule selected in the district; null when not selected.
      selectionRank: district.selectionOrder.includes(proposalDocumentId) ? district.selectionOrder.indexOf(proposalDocumentId) + 1 : null,
    }))
  );

const RESULT_COLUMNS: ReadonlyArray<ExportColumn<ResultLine>> = [
  { name: 'round_document_id', value: (line) => line.roundDocumentId },
  { name: 'round_title', value: (line) => line.roundTitle },
  { name: 'municipality_code', value: (line) => line.municipalityCode },
  { name: 'fiscal_year', value: (line) => line.fiscalYear },
  { name: 'counted_at', value: (line) => line.countedAt },
  { name: 'counting_rule', value: (line) => line.rule },
  { name: 'district_code', value: (line) => line.districtCode },
  { name: 'district_budget', value: (line) => line.districtBudget },
  { name: 'district_spent', value: (line) => line.districtSpent },
  { name: 'district_ballots', value: (line) => line.districtBallots },
  { name: 'proposal_document_id', value: (line) => line.proposalDocumentId },
  { name: 'proposal_title', value: (line) => line.proposalTitle },
  { name: 'votes', value: (line) => line.votes },
  { name: 'points', value: (line) => line.points },
  { name: 'selected', value: (line) => String(line.selected) },
  { name: 'selection_rank', value: (line) => line.selectionRank },
];

type ImplementationLine = ReturnType<typeof implementationLine>;
const implementationLine = (proposal: Pick<ProposalRow, 'documentId' | 'roundDocumentId' | 'municipalityCode' | 'title'>, funding: ReturnType<typeof currentFunding> extends Map<string, infer F> ? F | undefined : never, record: ImplementationRow | undefined) => ({
  proposalDocumentId: proposal.documentId,
  roundDocumentId: proposal.roundDocumentId,
  municipalityCode: proposal.municipalityCode,
  title: proposal.title,
  funded: funding?.amount ?? null,
  budgetLine: funding ? { code: funding.budgetLine.code, fiscalYear: funding.budgetLine.fiscalYear } : null,
  decisionEntry: funding?.decisionEntry ?? null,
  spent: formatMinor(record?.spentMinor),
  progressPercent: Number(record?.progressPercent ?? 0),
  milestones: readJson<Milestone[]>(record?.milestones, []),
  updatedAt: record ? iso(record.updatedAt) : null,
});

const IMPLEMENTATION_COLUMNS: ReadonlyArray<ExportColumn<ImplementationLine>> = [
  { name: 'proposal_document_id', value: (line) => line.proposalDocumentId },
  { name: 'round_document_id', value: (line) => line.roundDocumentId },
  { name: 'municipality_code', value: (line) => line.municipalityCode },
  { name: 'title', value: (line) => line.title },
  { name: 'funded_amount', value: (line) => line.funded },
  { name: 'budget_line_code', value: (line) => line.budgetLine?.code ?? null },
  { name: 'budget_line_fiscal_year', value: (line) => line.budgetLine?.fiscalYear ?? null },
  { name: 'funding_decision_sequence', value: (line) => line.decisionEntry },
  { name: 'spent', value: (line) => line.spent },
  { name: 'progress_percent', value: (line) => line.progressPercent },
  // One cell: each milestone as "status:dueDate:title", in the recorded order.
  { name: 'milestones', value: (line) => line.milestones.map((milestone) => `${milestone.status}:${milestone.dueDate}:${milestone.title}`).join(';') },
  { name: 'updated_at', value: (line) => line.updatedAt },
];

type SummaryLine = ReturnType<typeof summaryLine>;
const summaryLine = (row: ConsultationRow, summary: ConsultationSummary) => ({
  documentId: row.documentId,
  municipalityCode: row.municipalityCode,
  topic: row.topic,
  opensAt: iso(row.opensAt),
  closesAt: iso(row.closesAt),
  targetGroups: readJson<string[]>(row.targetGroups, []),
  summary,
});

const SUMMARY_COLUMNS: ReadonlyArray<ExportColumn<SummaryLine>> = [
  { name: 'document_id', value: (line) => line.documentId },
  { name: 'municipality_code', value: (line) => line.municipalityCode },
  { name: 'topic', value: (line) => line.topic },
  { name: 'opens_at', value: (line) => line.opensAt },
  { name: 'closes_at', value: (line) => line.closesAt },
  { name: 'target_groups', value: (line) => line.targetGroups.join(';') },
  { name: 'summary_published_at', value: (line) => line.summary.publishedAt },
  // The published (suppressed) figures, as the summary quotes them: a number or `suppressed`.
  { name: 'participants', value: (line) => line.summary.participation.total },
  ...INPUT_CHANNELS.map((channel) => ({ name: `inputs_${channel.replace(/-/g, '_')}`, value: (line: SummaryLine) => line.summary.inputsByChannel[channel] ?? null })),
  { name: 'themes', value: (line) => line.summary.themes.map((theme) => theme.title).join(';') },
  { name: 'themes_json', value: (line) => JSON.stringify(line.summary.themes) },
  { name: 'proposal_document_ids', value: (line) => line.summary.proposals.map((proposal) => proposal.documentId).join(';') },
  { name: 'commitment_document_ids', value: (line) => line.summary.commitments.map((commitment) => commitment.documentId).join(';') },
];

const COMMITMENT_COLUMNS: ReadonlyArray<ExportColumn<Commitment>> = [
  { name: 'document_id', value: (line) => line.documentId },
  { name: 'municipality_code', value: (line) => line.municipalityCode },
  { name: 'group_document_id', value: (line) => line.groupDocumentId },
  { name: 'meeting_document_id', value: (line) => line.meetingDocumentId },
  { name: 'kind', value: (line) => line.kind },
  { name: 'text', value: (line) => line.text },
  { name: 'owner', value: (line) => line.owner },
  { name: 'due_date', value: (line) => line.dueDate },
  { name: 'status', value: (line) => line.status },
  { name: 'status_note', value: (line) => line.statusNote },
  { name: 'proposal_document_id', value: (line) => line.proposalDocumentId },
  // One cell: each step as "status@instant", oldest first.
  { name: 'status_history', value: (line) => line.history.map((step) => `${step.to}@${step.at}`).join(';') },
];

export const PROGRESS_DATASETS = ['round-results', 'implementation', 'consultation-summaries', 'commitments'] as const;
export type ProgressDataset = (typeof PROGRESS_DATASETS)[number];

export const progressReaders = (strapi: Core.Strapi, { rowsByKey, contentVersion }: PageReads): { [Name in ProgressDataset]: DatasetReader<unknown> } => {
  const knex = () => strapi.db.connection;
  const logLength = (municipalityCode: string) =>
    knex()(decisionLogTables(strapi).entries).where({ municipality_code: municipalityCode }).first(knex().raw('count(*) as n, max(sequence) as k'));

  return {
    'round-results': reader<ResultLine>({
      pages: async function* (municipalityCode) {
        for await (const rounds of rowsByKey<RoundRow>(UID.round, municipalityCode)) {
          // A result is public from the results phase: counted but unannounced rounds are not exported.
          const published = rounds.flatMap((round) => {
            const result = resultIsPublic(round.phase) ? readJson<RoundResult | null>(round.result, null) : null;
            return result ? [{ round, result }] : [];
          });
          if (published.length === 0) continue;
          const ids = [...new Set(published.flatMap(({ result }) => result.districts.flatMap((district) => Object.keys(district.support))))];
          const titles = new Map(
            ids.length
              ? ((await strapi.db.query(UID.proposal).findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'title'] })) as ProposalRow[]).map((proposal) => [proposal.documentId, proposal.title])
              : []
          );
          yield published.flatMap(({ round, result }) => resultLines(round, result, titles));
        }
      },
      columns: RESULT_COLUMNS,
      version: (municipalityCode) => contentVersion(UID.round, municipalityCode),
    }),

    implementation: reader<ImplementationLine>({
      pages: async function* (municipalityCode) {
        // The decision log says what is funded now; read once, it holds one entry per decision, not per record.
        const funding = currentFunding(await getService(strapi, 'decision-log').fundingEntriesOf(municipalityCode));
        for await (const proposals of rowsByKey<ProposalRow>(UID.proposal, municipalityCode)) {
          const records = new Map(
            ((await strapi.db.query(UID.projectImplementation).findMany({ where: { proposalDocumentId: { $in: proposals.map((proposal) => proposal.documentId) } } })) as ImplementationRow[]).map(
              (record) => [record.proposalDocumentId, record]
            )
          );
          // A project is in the export once funded, or once its implementation was recorded.
          const lines = proposals
            .filter((proposal) => funding.has(proposal.documentId) || records.has(proposal.documentId))
            .map((proposal) => implementationLine(proposal, funding.get(proposal.documentId), records.get(proposal.documentId)));
          if (lines.length > 0) yield lines;
        }
      },
      columns: IMPLEMENTATION_COLUMNS,
      version: async (municipalityCode) =>
        Promise.all([contentVersion(UID.proposal, municipalityCode), contentVersion(UID.projectImplementation, municipalityCode), logLength(municipalityCode)]),
    }),

    'consultation-summaries': reader<SummaryLine>({
      pages: async function* (municipalityCode) {
        for await (const rows of rowsByKey<ConsultationRow>(UID.consultation, municipalityCode, { status: 'summarised' })) {
          const lines = rows.flatMap((row) => {
            const summary = readJson<ConsultationSummary | null>(row.summary, null);
            return summary ? [summaryLine(row, summary)] : [];
          });
          if (lines.length > 0) yield lines;
        }
      },
      columns: SUMMARY_COLUMNS,
      version: (municipalityCode) => contentVersion(UID.consultation, municipalityCode),
    }),

    commitments: reader<Commitment>({
      pages: async function* (municipalityCode) {
        for await (const rows of rowsByKey<CommitmentRow>(UID.commitment, municipalityCode)) {
          // One read of the page's histories, not one per commitment.
          yield await getService(strapi, 'commitment').withHistories(rows);
        }
      },
      columns: COMMITMENT_COLUMNS,
      // A status change also updates its commitment; the history's last id is read as well, in case one is written alone.
      version: async (municipalityCode) =>
        Promise.all([contentVersion(UID.commitment, municipalityCode), knex()(tableOf(strapi, UID.commitmentStatusChange)).first(knex().raw('count(*) as n, max(id) as k'))]),
    }),
  };
};
