import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify/sync';
import type { MoneyByMarkerReport, RoundResult } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { currentFunding } from '../domain/decision-log/funding';
import { formatMinor } from '../domain/money/amount';
import { moneyByMarker, moneyByMarkerRows, MONEY_BY_MARKER_COLUMNS, reservedShares, type MarkedLine, type ParticipatoryProject } from '../domain/reports/money-by-marker';
import type { ProposalRow, RoundRow } from '../tables/rounds';
import { readJson } from '../utils/json-column';
import { getService } from '../utils/get-service';

const LINE_FIELDS = ['code', 'fiscalYear', 'genderMarker', 'youthMarker', 'approvedMinor', 'revisedMinor', 'committedMinor', 'spentMinor'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Unknown municipality: 400 naming `municipalityCode`; a year without budget lines: 404 naming `fiscalYear`. */
  async moneyByMarker(municipalityCode: string, fiscalYear: number): Promise<MoneyByMarkerReport> {
    await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');
    // Reads through the Query Engine: the Document Service would open a transaction for each.
    const rows = (await strapi.db.query(UID.budgetLine).findMany({ where: { municipalityCode, fiscalYear }, select: [...LINE_FIELDS] })) as Array<Record<string, unknown>>;
    if (rows.length === 0) {
      throw new errors.NotFoundError(`fiscalYear: ${municipalityCode} has no budget lines for ${fiscalYear}`, {
        errors: [{ path: ['fiscalYear'], message: `no budget lines for ${fiscalYear}` }],
      });
    }
    const lines: MarkedLine[] = rows.map((row) => ({
      code: String(row.code),
      fiscalYear: Number(row.fiscalYear),
      genderMarker: row.genderMarker as MarkedLine['genderMarker'],
      youthMarker: row.youthMarker as MarkedLine['youthMarker'],
      approvedMinor: String(row.approvedMinor),
      revisedMinor: String(row.revisedMinor),
      committedMinor: String(row.committedMinor),
      spentMinor: String(row.spentMinor),
    }));
    const rounds = (await strapi.db.query(UID.round).findMany({
      where: { municipalityCode, fiscalYear, result: { $notNull: true } },
      select: ['documentId', 'title', 'result'],
      orderBy: { id: 'asc' },
    })) as Array<Pick<RoundRow, 'documentId' | 'title' | 'result'>>;
    const counted = rounds.map((round) => ({ ...round, result: readJson<RoundResult | null>(round.result, null) }));
    const selectedIds = counted.flatMap((round) => (round.result?.districts ?? []).flatMap((district) => district.selected));
    // Funding charged to another year's lines is that year's money.
    const funded = [...currentFunding(await getService(strapi, 'decision-log').entriesOf(municipalityCode))].filter(([, funding]) => funding.budgetLine.fiscalYear === fiscalYear);
    const proposals = new Map(
      ((await strapi.db.query(UID.proposal).findMany({
        where: { documentId: { $in: [...new Set([...selectedIds, ...funded.map(([documentId]) => documentId)])] } },
        select: ['documentId', 'genderMarker', 'youthMarker', 'costEstimateMinor', 'requestedMinor'],
      })) as ProposalRow[]).map((proposal) => [proposal.documentId, proposal])
    );
    const project = (documentId: string, amount: (proposal: ProposalRow) => string): ParticipatoryProject[] => {
      const proposal = proposals.get(documentId);
      return proposal ? [{ genderMarker: proposal.genderMarker, youthMarker: proposal.youthMarker, amount: amount(proposal) }] : [];
    };
    return {
      municipalityCode,
      ...moneyByMarker(fiscalYear, lines, {
        // A selected project stands for its cost as counted: the reviewed estimate, else what was asked.
        selected: selectedIds.flatMap((documentId) => project(documentId, (proposal) => formatMinor(proposal.costEstimateMinor ?? proposal.requestedMinor))),
        funded: funded.flatMap(([documentId, funding]) => project(documentId, () => funding.amount)),
        reservedShares: reservedShares(counted),
      }),
    };
  },

  /** The same report as CSV: UTF-8 with a byte-order mark so that spreadsheets read the accents right. */
  async moneyByMarkerCsv(municipalityCode: string, fiscalYear: number): Promise<string> {
    const report = await this.moneyByMarker(municipalityCode, fiscalYear);
    return stringify(moneyByMarkerRows(report), { bom: true, header: true, columns: [...MONEY_BY_MARKER_COLUMNS] });
  },
});
