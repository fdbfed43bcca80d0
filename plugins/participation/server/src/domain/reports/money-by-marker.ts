import Decimal from 'decimal.js';
import { GENDER_MARKERS, YOUTH_MARKERS, type GenderMarker, type YouthMarker } from '../budget-lines/markers';
import { formatMinor } from '../money/amount';

/**
 * The year's budget lines that share one pair of markers, summed (by the database: the report never
 * reads the lines one by one): how many, and each amount's sum in minor units as an integer string.
 */
export interface MarkedLines {
  genderMarker: GenderMarker;
  youthMarker: YouthMarker;
  lines: number;
  approvedMinor: string;
  revisedMinor: string;
  committedMinor: string;
  spentMinor: string;
}

/**
 * A participatory project with the money it stands for (decimal string): what a published count selected
 * (its cost) or what the decision log funds now (domain/decision-log/funding.ts). It counts under its own
 * markers, as proposed and reviewed, since a project may name several budget lines.
 */
export interface ParticipatoryProject {
  genderMarker: GenderMarker;
  youthMarker: YouthMarker;
  amount: string;
}

/** One reserved share of a round's district, as its published count reports it. */
export interface ReservedShare {
  roundDocumentId: string;
  roundTitle: string;
  districtCode: string;
  marker: string;
  /** The share and amounts as the count wrote them (an exact fraction "n/d" where not whole). */
  share: string;
  required: string;
  spent: string;
  met: boolean;
}

/** The reserved shares of a year's counted rounds, read from each round's published result. */
export const reservedShares = (
  rounds: ReadonlyArray<{ documentId: string; title: string; result: { districts?: Array<{ districtCode: string; reservations?: Array<Omit<ReservedShare, 'roundDocumentId' | 'roundTitle' | 'districtCode'>> }> } | null }>
): ReservedShare[] =>
  rounds.flatMap((round) =>
    (round.result?.districts ?? []).flatMap((district) =>
      (district.reservations ?? []).map(({ marker, share, required, spent, met }) => ({
        roundDocumentId: round.documentId, roundTitle: round.title, districtCode: district.districtCode, marker, share, required, spent, met,
      }))
    )
  );

export const AMOUNT_KINDS = ['approved', 'revised', 'committed', 'spent'] as const;
export type AmountKind = (typeof AMOUNT_KINDS)[number];
type Amounts = Record<AmountKind, string>;

export interface MarkerGroup<Marker extends string> {
  marker: Marker;
  lines: number;
  /** Decimal strings, two places. */
  amounts: Amounts;
  /** Percent of the year's total of the same amount, two places; null when that total is nothing. */
  shares: Record<AmountKind, string | null>;
  /** Participatory projects of this category; shares are of all the year's participatory money of that kind. */
  participatory: { selectedProjects: number; selected: string; selectedShare: string | null; fundedProjects: number; funded: string; fundedShare: string | null };
}

export interface MoneyByMarker {
  fiscalYear: number;
  totals: Amounts & { lines: number; participatorySelected: string; participatoryFunded: string };
  byGender: MarkerGroup<GenderMarker>[];
  byYouth: MarkerGroup<YouthMarker>[];
  reservedShares: ReservedShare[];
}

export interface ParticipatoryMoney {
  selected: ReadonlyArray<ParticipatoryProject>;
  funded: ReadonlyArray<ParticipatoryProject>;
  reservedShares: ReservedShare[];
}

const MINOR_OF: Record<AmountKind, 'approvedMinor' | 'revisedMinor' | 'committedMinor' | 'spentMinor'> = { approved: 'approvedMinor', revised: 'revisedMinor', committed: 'committedMinor', spent: 'spentMinor' };

/** Exact percent, rounded half-up to two places only at the end. */
const percent = (part: Decimal, whole: Decimal): string | null => (whole.isZero() ? null : part.times(100).dividedBy(whole).toFixed(2, Decimal.ROUND_HALF_UP));

const sum = (values: Decimal[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));

/**
 * Where a year's money went by SDG 5.c.1 gender category and by youth marker: each category's lines and
 * amounts with its share of the year's total, and the participatory money selected and funded in that
 * category with its share. Every category appears, also with nothing in it, so that a table reads the
 * same each year. The caller passes only lines (summed per pair of markers) and projects of the year.
 */
export const moneyByMarker = (fiscalYear: number, lines: ReadonlyArray<MarkedLines>, participatory: ParticipatoryMoney): MoneyByMarker => {
  const totalMinor = (kind: AmountKind, of: ReadonlyArray<MarkedLines>) => sum(of.map((group) => new Decimal(group[MINOR_OF[kind]])));
  const lineCount = (of: ReadonlyArray<MarkedLines>) => of.reduce((count, group) => count + group.lines, 0);
  const amountOf = (projects: ReadonlyArray<ParticipatoryProject>) => sum(projects.map(({ amount }) => new Decimal(amount)));
  const yearTotals = Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, totalMinor(kind, lines)])) as Record<AmountKind, Decimal>;
  const selectedTotal = amountOf(participatory.selected);
  const fundedTotal = amountOf(participatory.funded);

  const group = <Marker extends string>(marker: Marker, markerOf: (item: { genderMarker: string; youthMarker: string }) => string): MarkerGroup<Marker> => {
    const members = lines.filter((group) => markerOf(group) === marker);
    const selected = participatory.selected.filter((project) => markerOf(project) === marker);
    const funded = participatory.funded.filter((project) => markerOf(project) === marker);
    const minor = Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, totalMinor(kind, members)])) as Record<AmountKind, Decimal>;
    return {
      marker,
      lines: lineCount(members),
      amounts: Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, formatMinor(minor[kind].toFixed(0))])) as Amounts,
      shares: Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, percent(minor[kind], yearTotals[kind])])) as MarkerGroup<Marker>['shares'],
      participatory: {
        selectedProjects: selected.length,
        selected: amountOf(selected).toFixed(2),
        selectedShare: percent(amountOf(selected), selectedTotal),
        fundedProjects: funded.length,
        funded: amountOf(funded).toFixed(2),
        fundedShare: percent(amountOf(funded), fundedTotal),
      },
    };
  };

  return {
    fiscalYear,
    totals: {
      lines: lineCount(lines),
      ...(Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, formatMinor(yearTotals[kind].toFixed(0))])) as Amounts),
      participatorySelected: selectedTotal.toFixed(2),
      participatoryFunded: fundedTotal.toFixed(2),
    },
    byGender: GENDER_MARKERS.map((marker) => group(marker, (item) => item.genderMarker)),
    byYouth: YOUTH_MARKERS.map((marker) => group(marker, (item) => item.youthMarker)),
    reservedShares: participatory.reservedShares,
  };
};

/** The report's columns as a CSV table: one row per dimension and category. */
export const MONEY_BY_MARKER_COLUMNS = [
  'fiscal_year', 'dimension', 'marker', 'lines',
  ...AMOUNT_KINDS, ...AMOUNT_KINDS.map((kind) => `${kind}_share_percent`),
  'participatory_selected_projects', 'participatory_selected', 'participatory_selected_share_percent',
  'participatory_funded_projects', 'participatory_funded', 'participatory_funded_share_percent',
] as const;

export const moneyByMarkerRows = (report: MoneyByMarker): string[][] =>
  ([['gender', report.byGender], ['youth', report.byYouth]] as const).flatMap(([dimension, groups]) =>
    (groups as ReadonlyArray<MarkerGroup<string>>).map((group) => [
      String(report.fiscalYear), dimension, group.marker, String(group.lines),
      ...AMOUNT_KINDS.map((kind) => group.amounts[kind]),
      ...AMOUNT_KINDS.map((kind) => group.shares[kind] ?? ''),
      String(group.participatory.selectedProjects), group.participatory.selected, group.participatory.selectedShare ?? '',
      String(group.participatory.fundedProjects), group.participatory.funded, group.participatory.fundedShare ?? '',
    ])
  );
