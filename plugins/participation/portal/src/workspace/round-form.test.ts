import { candidateOf, checkRoundForm, emptyRoundForm, fieldOfPath, valuesOf } from './round-form';

const form = (fields: Record<string, string | string[]>) => valuesOf({ title: 'Parks', fiscalYear: '2027', totalBudget: '1000', kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id', ...fields });

describe('the round form', () => {
  it('reads district rows, skipping empty ones, and unticked boxes as no', () => {
    const values = form({ districtCode: ['N', '', 'S'], districtName: ['North', '', 'South'], districtBudget: ['10', '', '20'] });
    expect(values.districts).toEqual([
      { code: 'N', name: 'North', budget: '10' },
      { code: 'S', name: 'South', budget: '20' },
    ]);
    expect(values.residentsOnly).toBe(false);
    expect(form({ residentsOnly: 'yes' }).residentsOnly).toBe(true);
  });

  it('sends numbers as numbers and anything else as typed, so that the schema names the field', () => {
    const candidate = candidateOf(form({ maxProjects: '3', minAge: 'sixteen', pointsPerPosition: '3, 2, 1' }));
    expect(candidate.ballotRules).toMatchObject({ maxProjects: 3, pointsPerPosition: [3, 2, 1] });
    expect(candidate.eligibility).toMatchObject({ minAge: 'sixteen' });
    const check = checkRoundForm(form({ maxProjects: 'three', reserveYouth: '2', votingOpen: 'soon' }));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.fields.sort()).toEqual(['maxProjects', 'reserveYouth', 'votingOpen']);
  });

  it('names the flat field of a nested path', () => {
    const candidate = candidateOf(form({ reserveGender: '0.3', reserveYouth: '0.2' }));
    expect(fieldOfPath(['ballotRules', 'countingRule'], candidate)).toBe('countingRule');
    expect(fieldOfPath(['eligibility', 'ageOnDate'], candidate)).toBe('ageOnDate');
    expect(fieldOfPath(['reservations', 1, 'share'], candidate)).toBe('reserveYouth');
    expect(fieldOfPath(['districts', 0, 'budget'], candidate)).toBe('districts');
    expect(fieldOfPath(['nothing'], candidate)).toBeUndefined();
  });

  it('accepts the empty form once a title and budget are given', () => {
    const check = checkRoundForm({ ...emptyRoundForm(2027), title: 'Parks', totalBudget: '1 000 000.50' });
    expect(check.ok && check.settings).toMatchObject({ totalBudget: '100000050', eligibility: { residentsOnly: true } });
  });
});
