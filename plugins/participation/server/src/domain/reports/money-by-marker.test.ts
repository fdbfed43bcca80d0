import { moneyByMarker, moneyByMarkerRows, MONEY_BY_MARKER_COLUMNS, type MarkedLine } from './money-by-marker';

const line = (code: string, genderMarker: MarkedLine['genderMarker'], youthMarker: MarkedLine['youthMarker'], approvedMinor: string, fiscalYear = 2026): MarkedLine => ({
  code, fiscalYear, genderMarker, youthMarker, approvedMinor, revisedMinor: approvedMinor, committedMinor: '0', spentMinor: '1',
});

describe('moneyByMarker', () => {
  const lines = [
    line('A', 'none', 'none', '100000'),
    line('B', 'women_and_girls_only', 'principal', '200000'),
    line('C', 'women_and_girls_only', 'none', '100001'),
    line('D', 'closes_gender_gaps', 'principal', '999999999', 2025),
  ];

  it('sums each category exactly and gives its share of the year, rounding only the share', () => {
    const report = moneyByMarker(2026, lines, []);
    expect(report.totals).toMatchObject({ lines: 3, approved: '4000.01', committed: '0.00', spent: '0.03', participatoryFunded: '0.00' });
    const women = report.byGender.find((group) => group.marker === 'women_and_girls_only')!;
    expect(women.amounts.approved).toBe('3000.01');
    // 300001 / 400001 = 74.99981…%
    expect(women.shares.approved).toBe('75.00');
    expect(women.shares.committed).toBeNull();
    expect(report.byGender.find((group) => group.marker === 'closes_gender_gaps')).toMatchObject({ lines: 0, amounts: { approved: '0.00' }, shares: { approved: '0.00' } });
    expect(report.byYouth.map((group) => [group.marker, group.amounts.approved])).toEqual([['none', '2000.01'], ['significant', '0.00'], ['principal', '2000.00']]);
  });

  it("counts funded projects under their line's markers, and only lines of the year", () => {
    const report = moneyByMarker(2026, lines, [
      { amount: '0.10', budgetLine: { code: 'B', fiscalYear: 2026 } },
      { amount: '0.20', budgetLine: { code: 'A', fiscalYear: 2026 } },
      { amount: '50.00', budgetLine: { code: 'D', fiscalYear: 2025 } },
    ]);
    expect(report.totals.participatoryFunded).toBe('0.30');
    expect(report.byYouth.find((group) => group.marker === 'principal')!.participatory).toEqual({ projects: 1, funded: '0.10', fundedShare: '33.33' });
    expect(report.byGender.find((group) => group.marker === 'none')!.participatory).toEqual({ projects: 1, funded: '0.20', fundedShare: '66.67' });
  });

  it('writes one CSV row per dimension and category, in the documented columns', () => {
    const rows = moneyByMarkerRows(moneyByMarker(2026, lines, []));
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row).toHaveLength(MONEY_BY_MARKER_COLUMNS.length);
    expect(rows[3].slice(0, 5)).toEqual(['2026', 'gender', 'women_and_girls_only', '2', '3000.01']);
  });
});
