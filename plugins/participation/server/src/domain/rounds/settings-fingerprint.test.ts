import { settingsFingerprint, type FrozenBallotProject, type FrozenRound } from './settings-fingerprint';

const round: FrozenRound = {
  documentId: 'round-1',
  municipalityCode: 'SHK',
  totalBudgetMinor: '100000',
  districts: [],
  districtsPerVoter: 'one',
  ballotRules: { kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id' },
  reservations: [],
  eligibility: { residentsOnly: true, verifiedParticipantsOnly: false },
  showRunningTotals: false,
};
const project = (documentId: string, ballotNumber: number, costEstimateMinor: string | null = '500'): FrozenBallotProject => ({
  documentId,
  title: `Project ${documentId}`,
  districtCode: '',
  requestedMinor: '600',
  costEstimateMinor,
  ballotNumber,
  genderMarker: 'none',
  youthMarker: 'none',
});

describe('settingsFingerprint', () => {
  const base = settingsFingerprint(round, [project('a', 1), project('b', 2)]);

  it('is a SHA-256 that depends on the stored values, not on the order they were read in', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(settingsFingerprint(round, [project('b', 2), project('a', 1)])).toBe(base);
    // jsonb reorders keys; the fingerprint does not see it.
    const reordered = { ...round, ballotRules: { tieBreaking: 'id', countingRule: 'greedy_cost', kind: 'approval' } } as FrozenRound;
    expect(settingsFingerprint(reordered, [project('a', 1), project('b', 2)])).toBe(base);
  });

  it('changes with anything the count reads', () => {
    const changed = [
      settingsFingerprint({ ...round, totalBudgetMinor: '100001' }, [project('a', 1), project('b', 2)]),
      settingsFingerprint({ ...round, eligibility: { residentsOnly: false, verifiedParticipantsOnly: false } }, [project('a', 1), project('b', 2)]),
      settingsFingerprint({ ...round, districtsPerVoter: 'every' }, [project('a', 1), project('b', 2)]),
      settingsFingerprint(round, [project('a', 1, '501'), project('b', 2)]),
      settingsFingerprint(round, [project('a', 2), project('b', 1)]),
      settingsFingerprint(round, [project('a', 1)]),
      settingsFingerprint(round, [project('a', 1), { ...project('b', 2), genderMarker: 'closes_gender_gaps' }]),
    ];
    for (const fingerprint of changed) expect(fingerprint).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });
});
