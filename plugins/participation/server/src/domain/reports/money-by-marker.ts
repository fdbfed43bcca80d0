import Decimal from 'decimal.js';
import { GENDER_MARKERS, YOUTH_MARKERS, type GenderMarker, type YouthMarker } from '../budget-lines/markers';
import { formatMinor } from '../money/amount';

/** A budget line as the report reads it: amounts in minor units, as stored. */
export interface MarkedLine {
  code: string;
  fiscalYear: number;
  genderMarker: GenderMarker;
  youthMarker: YouthMarker;
  approvedMinor: string;
  revisedMinor: string;
  committedMinor: string;
  spentMinor: string;
}

/** A proposal the decision log funds now (domain/decision-log/funding.ts): a decimal amount charged to a line. */
export interface FundedProject {
  amount: string;
  budgetLine: { code: string; fiscalYear: number };
}

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
  participatory: { projects: number; funded: string; fundedShare: string | null };
}

export interface MoneyByMarker {
  fiscalYear: number;
  totals: Amounts & { lines: number; participatoryProjects: number; participatoryFunded: string };
  byGender: MarkerGroup<GenderMarker>[];
  byYouth: MarkerGroup<YouthMarker>[];
}

const MINOR_OF: Record<AmountKind, keyof MarkedLine> = { approved: 'approvedMinor', revised: 'revisedMinor', committed: 'committedMinor', spent: 'spentMinor' };

/** Exact percent, rounded half-up to two places only at the end. */
const percent = (part: Decimal, whole: Decimal): string | null => (whole.isZero() ? null : part.times(100).dividedBy(whole).toFixed(2, Decimal.ROUND_HALF_UP));

const sum = (values: Decimal[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));

/**
 * Where a year's money went by SDG 5.c.1 gender category and by youth marker: each category's lines and
 * amounts with its share of the year's total, and what participatory budgeting funded from lines of that
 * category. Every category appears, also with nothing in it, so that a table reads the same each year.
 */
export const moneyByMarker = (fiscalYear: number, lines: ReadonlyArray<MarkedLine>, funded: ReadonlyArray<FundedProject>): MoneyByMarker => {
  const ofYear = lines.filter((line) => line.fiscalYear === fiscalYear);
  const lineByCode = new Map(ofYear.map((line) => [line.code, line]));
  // A project counts under the markers of the line it is charged to; funding from another year's lines is that year's.
  const projects = funded.flatMap((project) => {
    const line = project.budgetLine.fiscalYear === fiscalYear ? lineByCode.get(project.budgetLine.code) : undefined;
    return line ? [{ line, amount: new Decimal(project.amount) }] : [];
  });
  const totalMinor = (kind: AmountKind, of: ReadonlyArray<MarkedLine>) => sum(of.map((line) => new Decimal(line[MINOR_OF[kind]] as string)));
  const yearTotals = Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, totalMinor(kind, ofYear)])) as Record<AmountKind, Decimal>;
  const fundedTotal = sum(projects.map(({ amount }) => amount));

  const group = <Marker extends string>(marker: Marker, markerOf: (line: MarkedLine) => string): MarkerGroup<Marker> => {
    const members = ofYear.filter((line) => markerOf(line) === marker);
    const memberProjects = projects.filter(({ line }) => markerOf(line) === marker);
    const funds = sum(memberProjects.map(({ amount }) => amount));
    const minor = Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, totalMinor(kind, members)])) as Record<AmountKind, Decimal>;
    return {
      marker,
      lines: members.length,
      amounts: Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, formatMinor(minor[kind].toFixed(0))])) as Amounts,
      shares: Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, percent(minor[kind], yearTotals[kind])])) as MarkerGroup<Marker>['shares'],
      participatory: { projects: memberProjects.length, funded: funds.toFixed(2), fundedShare: percent(funds, fundedTotal) },
    };
  };

  return {
    fiscalYear,
    totals: {
      lines: ofYear.length,
      ...(Object.fromEntries(AMOUNT_KINDS.map((kind) => [kind, formatMinor(yearTotals[kind].toFixed(0))])) as Amounts),
      participatoryProjects: projects.length,
      participatoryFunded: fundedTotal.toFixed(2),
    },
    byGender: GENDER_MARKERS.map((marker) => group(marker, (line) => line.genderMarker)),
    byYouth: YOUTH_MARKERS.map((marker) => group(marker, (line) => line.youthMarker)),
  };
};

/** The report's columns as a CSV table: one row per dimension and category. */
export const MONEY_BY_MARKER_COLUMNS = [
  'fiscal_year', 'dimension', 'marker', 'lines',
  ...AMOUNT_KINDS, ...AMOUNT_KINDS.map((kind) => `${kind}_share_percent`),
  'participatory_projects', 'participatory_funded', 'participatory_funded_share_percent',
] as const;

export const moneyByMarkerRows = (report: MoneyByMarker): string[][] =>
  ([['gender', report.byGender], ['youth', report.byYouth]] as const).flatMap(([dimension, groups]) =>
    (groups as ReadonlyArray<MarkerGroup<string>>).map((group) => [
      String(report.fiscalYear), dimension, group.marker, String(group.lines),
      ...AMOUNT_KINDS.map((kind) => group.amounts[kind]),
      ...AMOUNT_KINDS.map((kind) => group.shares[kind] ?? ''),
      String(group.participatory.projects), group.participatory.funded, group.participatory.fundedShare ?? '',
    ])
  );
