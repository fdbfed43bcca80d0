import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify/sync';
import type { MoneyByMarkerReport, ProgrammeIndicators, RoundParticipationStatistics, RoundResult, StatisticsQuery } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { currentFunding } from '../domain/decision-log/funding';
import { formatMinor } from '../domain/money/amount';
import { moneyByMarker, moneyByMarkerRows, MONEY_BY_MARKER_COLUMNS, reservedShares, type MarkedLines, type ParticipatoryProject } from '../domain/reports/money-by-marker';
import { participationFigures, programmeIndicatorRows, PROGRAMME_INDICATOR_COLUMNS, type ProgrammeRound } from '../domain/reports/programme-indicators';
import { queryRoundParticipation, roundParticipationRows, ROUND_PARTICIPATION_COLUMNS } from '../domain/reports/round-participation';
import { BALLOT_SET_PUBLIC_FROM, resultIsPublic } from '../domain/rounds/ballot-publicity';
import { ROUND_PHASES, type RoundPhase } from '../domain/rounds/phases';
import { StatisticsQueryError } from '../domain/statistics';
import { decisionLogTables } from '../tables/decision-log';
import { columnOf, tableOf } from '../tables/metadata';
import type { ProposalRow, RoundRow } from '../tables/rounds';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import { getService } from '../utils/get-service';

const AMOUNT_FIELDS = ['approvedMinor', 'revisedMinor', 'committedMinor', 'spentMinor'] as const;

/** Phases in which a round's voting has closed: its participation is published. */
const CLOSED_PHASES = ROUND_PHASES.slice(ROUND_PHASES.indexOf(BALLOT_SET_PUBLIC_FROM));

/** The first instant of a year and of the year after another, as ISO text (decision-log entries keep theirs as text). */
const yearSpan = (fromYear: number, toYear: number) => ({ from: `${fromYear}-01-01T00:00:00.000Z`, until: `${toYear + 1}-01-01T00:00:00.000Z` });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * A year's budget lines summed in the database per pair of markers (at most twelve rows however many
   * lines). Sums are cast to text so that neither engine's driver rounds them through a JavaScript number.
   */
  const yearLinesByMarkers = async (municipalityCode: string, fiscalYear: number): Promise<MarkedLines[]> => {
    const knex = strapi.db.connection;
    const column = (attribute: string) => columnOf(strapi, UID.budgetLine, attribute);
    const rows: Array<Record<string, unknown>> = await knex(tableOf(strapi, UID.budgetLine))
      .where(column('municipalityCode'), municipalityCode)
      .andWhere(column('fiscalYear'), fiscalYear)
      .groupBy(column('genderMarker'), column('youthMarker'))
      .select(
        `${column('genderMarker')} as genderMarker`,
        `${column('youthMarker')} as youthMarker`,
        knex.raw('count(*) as ??', ['lines']),
        ...AMOUNT_FIELDS.map((field) => knex.raw('CAST(SUM(??) AS TEXT) as ??', [column(field), field]))
      );
    return rows.map((row) => ({
      genderMarker: row.genderMarker as MarkedLines['genderMarker'],
      youthMarker: row.youthMarker as MarkedLines['youthMarker'],
      lines: Number(row.lines),
      ...(Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, String(row[field] ?? '0')])) as Record<(typeof AMOUNT_FIELDS)[number], string>),
    }));
  };

  return {
    /** Unknown municipality: 400 naming `municipalityCode`; a year without budget lines: 404 naming `fiscalYear`. */
    async moneyByMarker(municipalityCode: string, fiscalYear: number): Promise<MoneyByMarkerReport> {
      await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');
      const lines = await yearLinesByMarkers(municipalityCode, fiscalYear);
      if (lines.length === 0) {
        throw new errors.NotFoundError(`fiscalYear: ${municipalityCode} has no budget lines for ${fiscalYear}`, {
          errors: [{ path: ['fiscalYear'], message: `no budget lines for ${fiscalYear}` }],
        });
      }
      const rounds = (await strapi.db.query(UID.round).findMany({
        where: { municipalityCode, fiscalYear, result: { $notNull: true } },
        select: ['documentId', 'title', 'result'],
        orderBy: { id: 'asc' },
      })) as Array<Pick<RoundRow, 'documentId' | 'title' | 'result'>>;
      const counted = rounds.map((round) => ({ ...round, result: readJson<RoundResult | null>(round.result, null) }));
      const selectedIds = counted.flatMap((round) => (round.result?.districts ?? []).flatMap((district) => district.selected));
      // Funding charged to another year's lines is that year's money.
      const funded = [...currentFunding(await getService(strapi, 'decision-log').fundingEntriesOf(municipalityCode))].filter(([, funding]) => funding.budgetLine.fiscalYear === fiscalYear);
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

    /**
     * Who took part in a round, per district, once voting has closed (409 before): voters by channel and
     * demographics, proposal authors by demographics, suppressed; `filters` as every statistic (at most two).
     */
    async roundParticipation(roundDocumentId: string, filters: StatisticsQuery): Promise<RoundParticipationStatistics> {
      const { round, tables } = await getService(strapi, 'statistics').forRound(roundDocumentId);
      let districts;
      try {
        districts = queryRoundParticipation(tables, filters as Record<string, string>);
      } catch (error) {
        throw error instanceof StatisticsQueryError ? fieldError(error.field.replace(/^filters\./, ''), error.message) : error;
      }
      return { roundDocumentId, municipalityCode: round.municipalityCode, fiscalYear: round.fiscalYear, k: tables.k, districts: districts as RoundParticipationStatistics['districts'] };
    },

    /** The round's unfiltered tables as CSV (UTF-8 with BOM): one row per district, population, dimension and category. */
    async roundParticipationCsv(roundDocumentId: string): Promise<string> {
      const { tables } = await getService(strapi, 'statistics').forRound(roundDocumentId);
      return stringify(roundParticipationRows(roundDocumentId, tables), { bom: true, header: true, columns: [...ROUND_PARTICIPATION_COLUMNS] });
    },

    /**
     * A programme's figure sheet for municipalities and fiscal years `fromYear`..`toYear`. Unknown
     * municipality: 400 naming `municipalities`; a span running backwards: 400 naming `toYear`.
     */
    async programmeIndicators(municipalityCodes: string[], fromYear: number, toYear: number): Promise<ProgrammeIndicators> {
      if (toYear < fromYear) throw fieldError('toYear', `must not be before fromYear (${fromYear})`);
      const codes = [...new Set(municipalityCodes)].sort();
      // One read for all of them: a programme names up to 100.
      const known = new Set(((await strapi.db.query(UID.municipality).findMany({ where: { code: { $in: codes } }, select: ['code'] })) as Array<{ code: string }>).map((row) => row.code));
      const unknown = codes.find((code) => !known.has(code));
      if (unknown !== undefined) throw fieldError('municipalities', `unknown municipality "${unknown}"`);
      const knex = strapi.db.connection;
      const inScope = { municipalityCode: { $in: codes }, fiscalYear: { $gte: fromYear, $lte: toYear } };
      const rounds = (await strapi.db.query(UID.round).findMany({
        where: inScope,
        select: ['documentId', 'municipalityCode', 'phase', 'reservations', 'eligibility', 'result'],
        orderBy: { id: 'asc' },
      })) as Array<Pick<RoundRow, 'documentId' | 'municipalityCode' | 'phase' | 'reservations' | 'eligibility' | 'result'>>;
      const closed = rounds.filter((round) => (CLOSED_PHASES as readonly RoundPhase[]).includes(round.phase));
      const tables = await getService(strapi, 'statistics').roundsTables(closed.map((round) => round.documentId));
      // What a round selected counts only once its result is public.
      const selectedOf = (round: (typeof closed)[number]) =>
        resultIsPublic(round.phase) ? (readJson<RoundResult | null>(round.result, null)?.districts ?? []).flatMap((district) => district.selected) : [];
      const selectedIds = [...new Set(closed.flatMap(selectedOf))];
      const markers = new Map(
        selectedIds.length
          ? ((await strapi.db.query(UID.proposal).findMany({ where: { documentId: { $in: selectedIds } }, select: ['documentId', 'genderMarker'] })) as ProposalRow[]).map((proposal) => [proposal.documentId, proposal.genderMarker])
          : []
      );
      const programmeRounds: ProgrammeRound[] = closed.map((round) => ({
        municipalityCode: round.municipalityCode,
        reservations: readJson<Array<{ marker: string }>>(round.reservations, []),
        maxAge: readJson<{ maxAge?: number }>(round.eligibility, {}).maxAge ?? null,
        selectedGenderMarkers: selectedOf(round).map((documentId) => markers.get(documentId) ?? 'none'),
        tables: tables.get(round.documentId)!,
      }));
      const { from, until } = yearSpan(fromYear, toYear);
      const [fromRecommendations, fulfilled, decisions] = await Promise.all([
        rounds.length
          ? strapi.db.query(UID.proposal).count({ where: { roundDocumentId: { $in: rounds.map((round) => round.documentId) }, sourceRecommendationId: { $notNull: true } } })
          : 0,
        this.commitmentsFulfilled(codes, from, until),
        knex(decisionLogTables(strapi).entries).whereIn('municipality_code', codes).andWhere('entry_published_at', '>=', from).andWhere('entry_published_at', '<', until).first(knex.raw('count(*) as n')),
      ]);
      return {
        municipalityCodes: codes,
        fromYear,
        toYear,
        k: strapi.plugin('participation').config('statistics.minimumCellSize') as number,
        ...participationFigures(programmeRounds),
        proposalsFromRecommendations: Number(fromRecommendations),
        commitmentsFulfilled: fulfilled,
        decisionsPublished: Number((decisions as { n: number | string } | undefined)?.n ?? 0),
      };
    },

    /** Commitments (not recommendations) of the municipalities that are done, marked done within the span. */
    async commitmentsFulfilled(codes: string[], from: string, until: string): Promise<number> {
      const done = (await strapi.db.query(UID.commitment).findMany({ where: { municipalityCode: { $in: codes }, kind: 'commitment', status: 'done' }, select: ['documentId'] })) as Array<{ documentId: string }>;
      if (done.length === 0) return 0;
      const changes = (await strapi.db.query(UID.commitmentStatusChange).findMany({
        where: { commitmentDocumentId: { $in: done.map((commitment) => commitment.documentId) }, toStatus: 'done', changedAt: { $gte: from, $lt: until } },
        select: ['commitmentDocumentId'],
      })) as Array<{ commitmentDocumentId: string }>;
      return new Set(changes.map((change) => change.commitmentDocumentId)).size;
    },

    async programmeIndicatorsCsv(municipalityCodes: string[], fromYear: number, toYear: number): Promise<string> {
      const sheet = await this.programmeIndicators(municipalityCodes, fromYear, toYear);
      return stringify(programmeIndicatorRows(sheet), { bom: true, header: true, columns: [...PROGRAMME_INDICATOR_COLUMNS] });
    },
  };
};
