import { planBudgetLineImport } from './import-plan';
import type { BudgetLineValues } from './budget-line-input';

const values = (code: string, approvedMinor = '100'): BudgetLineValues => ({
  fiscalYear: 2026, code, name: `Line ${code}`, programme: null, functionalClassification: null,
  approvedMinor, revisedMinor: approvedMinor, committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
});

describe('planBudgetLineImport', () => {
  it('creates new codes, updates changed ones, leaves the same alone, never deletes', () => {
    const existing = [
      { ...values('A'), documentId: 'a' },
      { ...values('B'), documentId: 'b' },
      { ...values('Z'), documentId: 'z' },
    ];
    const plan = planBudgetLineImport(
      [{ line: 2, values: values('A') }, { line: 3, values: values('B', '200') }, { line: 4, values: values('C') }],
      existing
    );
    expect(plan).toEqual({
      create: [{ line: 4, values: values('C') }],
      update: [{ line: 3, documentId: 'b', values: values('B', '200'), changedFields: ['approvedMinor', 'revisedMinor'] }],
      unchanged: [{ line: 2, documentId: 'a' }],
    });
  });

  it('matches by year as well as code', () => {
    const plan = planBudgetLineImport([{ line: 2, values: { ...values('A'), fiscalYear: 2027 } }], [{ ...values('A'), documentId: 'a' }]);
    expect(plan.create).toHaveLength(1);
  });
});
