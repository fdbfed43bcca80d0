import { planBudgetLineImport } from './import-plan';
import { BUDGET_LINE_FIELDS, type BudgetLineValues } from './budget-line-input';

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
      existing,
      BUDGET_LINE_FIELDS
    );
    expect(plan).toEqual({
      create: [{ line: 4, values: values('C') }],
      update: [
        {
          line: 3,
          documentId: 'b',
          code: 'B',
          fiscalYear: 2026,
          values: { approvedMinor: '200', revisedMinor: '200' },
          changedFields: ['approvedMinor', 'revisedMinor'],
          diff: [
            { field: 'approvedMinor', old: '1.00', new: '2.00' },
            { field: 'revisedMinor', old: '1.00', new: '2.00' },
          ],
        },
      ],
      unchanged: [{ line: 2, documentId: 'a' }],
    });
  });

  it('matches by year as well as code', () => {
    const plan = planBudgetLineImport([{ line: 2, values: { ...values('A'), fiscalYear: 2027 } }], [{ ...values('A'), documentId: 'a' }], BUDGET_LINE_FIELDS);
    expect(plan.create).toHaveLength(1);
  });

  it('compares only the columns the file has', () => {
    const plan = planBudgetLineImport(
      [{ line: 2, values: { ...values('A', '200'), programme: null } }],
      [{ ...values('A'), programme: 'Youth', documentId: 'a' }],
      ['fiscalYear', 'code', 'name', 'revised']
    );
    expect(plan.update).toEqual([expect.objectContaining({ values: { revisedMinor: '200' }, changedFields: ['revisedMinor'] })]);
  });
});
