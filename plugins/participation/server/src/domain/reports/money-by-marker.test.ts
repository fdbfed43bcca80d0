import { moneyByMarker, moneyByMarkerRows, MONEY_BY_MARKER_COLUMNS, reservedShares, type MarkedLines } from './money-by-marker';

/** One budget line, as the database's sums give a pair of markers that only it has. */
const line = (genderMarker: MarkedLines['genderMarker'], youthMarker: MarkedLines['youthMarker'], approvedMinor: string): MarkedLines => ({
  genderMarker, youthMarker, lines: 1, approvedMinor, revisedMinor: approvedMinor, committedMinor: '0', spentMinor: '1',
});
const NOTHING = { selected: [], funded: [], reservedShares: [] };

describe('moneyByMarker', () => {
  const lines = [line('none', 'none', '100000'), line('women_and_girls_only', 'principal', '200000'), line('women_and_girls_only', 'none', '100001')];

  it('sums each category exactly and gives its share of the year, rounding only the share', () => {
    const report = moneyByMarker(2026, lines, NOTHING);
    expect(report.totals).toMatchObject({ lines: 3, approved: '4000.01', committed: '0.00', spent: '0.03', participatorySelected: '0.00', participatoryFunded: '0.00' });
    const women = report.byGender.find((group) => group.marker === 'women_and_girls_only')!;
    expect(women.amounts.approved).toBe('3000.01');
    // 300001 / 400001 = 74.99981…%
    expect(women.shares.approved).toBe('75.00');
    expect(women.shares.committed).toBeNull();
    expect(women.participatory.fundedShare).toBeNull();
    expect(report.byGender.find((group) => group.marker === 'closes_gender_gaps')).toMatchObject({ lines: 0, amounts: { approved: '0.00' }, shares: { approved: '0.00' } });
    expect(report.byYouth.map((group) => [group.marker, group.amounts.approved])).toEqual([['none', '2000.01'], ['significant', '0.00'], ['principal', '2000.00']]);
  });

  it('counts the lines of a pair of markers summed together as that many lines, in both dimensions', () => {
    const summed: MarkedLines[] = [
      { genderMarker: 'closes_gender_gaps', youthMarker: 'significant', lines: 40, approvedMinor: '9007199254740993', revisedMinor: '1', committedMinor: '0', spentMinor: '0' },
      { genderMarker: 'closes_gender_gaps', youthMarker: 'none', lines: 2, approvedMinor: '7', revisedMinor: '1', committedMinor: '0', spentMinor: '0' },
    ];
    const report = moneyByMarker(2026, summed, NOTHING);
    expect(report.totals).toMatchObject({ lines: 42, approved: '90071992547410.00' });
    expect(report.byGender.find((group) => group.marker === 'closes_gender_gaps')).toMatchObject({ lines: 42, shares: { approved: '100.00', revised: '100.00' } });
    expect(report.byYouth.map((group) => [group.marker, group.lines, group.amounts.approved])).toEqual([['none', 2, '0.07'], ['significant', 40, '90071992547409.93'], ['principal', 0, '0.00']]);
  });

  it('counts selected and funded projects under their own markers, each kind against its own total', () => {
    const report = moneyByMarker(2026, lines, {
      selected: [
        { genderMarker: 'women_and_girls_only', youthMarker: 'principal', amount: '0.10' },
        { genderMarker: 'none', youthMarker: 'none', amount: '0.20' },
      ],
      funded: [{ genderMarker: 'women_and_girls_only', youthMarker: 'significant', amount: '5.00' }],
      reservedShares: [],
    });
    expect(report.totals).toMatchObject({ participatorySelected: '0.30', participatoryFunded: '5.00' });
    expect(report.byGender.find((group) => group.marker === 'women_and_girls_only')!.participatory).toEqual({
      selectedProjects: 1, selected: '0.10', selectedShare: '33.33', fundedProjects: 1, funded: '5.00', fundedShare: '100.00',
    });
    expect(report.byYouth.find((group) => group.marker === 'none')!.participatory).toMatchObject({ selected: '0.20', selectedShare: '66.67', funded: '0.00', fundedShare: '0.00' });
  });

  it('writes one CSV row per dimension and category, in the documented columns', () => {
    const rows = moneyByMarkerRows(moneyByMarker(2026, lines, NOTHING));
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row).toHaveLength(MONEY_BY_MARKER_COLUMNS.length);
    expect(rows[3].slice(0, 5)).toEqual(['2026', 'gender', 'women_and_girls_only', '2', '3000.01']);
  });
});

describe('reservedShares', () => {
  it("lists each district's reserved shares of the counted rounds, and nothing for rounds not counted", () => {
    const reservation = { marker: 'gender', share: '1/3', required: '100', spent: '80', met: false };
    expect(
      reservedShares([
        { documentId: 'r1', title: 'Rinia', result: { districts: [{ districtCode: '', reservations: [reservation] }, { districtCode: 'N', reservations: [] }] } },
        { documentId: 'r2', title: 'Draft', result: null },
      ])
    ).toEqual([{ roundDocumentId: 'r1', roundTitle: 'Rinia', districtCode: '', ...reservation }]);
  });
});
