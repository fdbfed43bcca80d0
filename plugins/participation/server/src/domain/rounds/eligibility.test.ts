import { ageOn, decideEligibility } from './eligibility';

const youth = { residentsOnly: true, minAge: 14, maxAge: 29, ageOnDate: '2026-05-01', verifiedParticipantsOnly: false };

describe('eligibility', () => {
  it('counts age in whole years on the stated date', () => {
    expect(ageOn('2012-05-01', '2026-05-01')).toBe(14);
    expect(ageOn('2012-05-02', '2026-05-01')).toBe(13);
    expect(ageOn('1996-05-02', '2026-05-01')).toBe(29);
    expect(ageOn('1996-05-01', '2026-05-01')).toBe(30);
  });

  it('admits a 14- to 29-year-old resident to a youth round', () => {
    expect(decideEligibility(youth, 'SHK', { residenceMunicipalityCode: 'SHK', birthDate: '2005-01-01', verified: false })).toEqual({ eligible: true });
  });

  it.each([
    [{ residenceMunicipalityCode: 'KOR', birthDate: '2005-01-01', verified: false }, 'residence'],
    [{ residenceMunicipalityCode: 'SHK', birthDate: '2012-05-02', verified: false }, 'birthDate'],
    [{ residenceMunicipalityCode: 'SHK', birthDate: '1996-05-01', verified: false }, 'birthDate'],
    [{ residenceMunicipalityCode: 'SHK', birthDate: null, verified: false }, 'birthDate'],
  ])('refuses %j (field %s)', (voter, field) => {
    expect(decideEligibility(youth, 'SHK', voter)).toMatchObject({ eligible: false, field });
  });

  it('asks for verification when the round needs it', () => {
    const rules = { residentsOnly: false, verifiedParticipantsOnly: true };
    expect(decideEligibility(rules, 'SHK', { residenceMunicipalityCode: null, birthDate: null, verified: false })).toMatchObject({ field: 'verified' });
  });
});
