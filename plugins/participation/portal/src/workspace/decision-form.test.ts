import { errors } from '@strapi/utils';
import { checkDecision, refusedDecisionFields, subjectChoice, valuesToCorrect } from './decision-form';

const VALID = {
  kind: 'fund',
  subject: 'proposal:abc123',
  amount: '2500.50',
  budgetLine: '2026:0950-01',
  councilDecisionReference: 'VKB nr. 45',
  decisionDate: '2026-03-12',
  rationale: 'Residents chose it.',
  correctsEntry: '',
};

describe('the decision form', () => {
  it('becomes the API’s publish body: the subject and budget line read from their one choice each', () => {
    expect(checkDecision(VALID)).toEqual({
      decision: {
        kind: 'fund',
        subject: { kind: 'proposal', documentId: 'abc123' },
        amount: '250050',
        budgetLine: { code: '0950-01', fiscalYear: 2026 },
        councilDecisionReference: 'VKB nr. 45',
        decisionDate: '2026-03-12',
        rationale: 'Residents chose it.',
      },
    });
    expect(checkDecision({ ...VALID, kind: 'approve', subject: 'budget-line:2026:0950-01', budgetLine: '' })).toMatchObject({
      decision: { subject: { kind: 'budget-line', code: '0950-01', fiscalYear: 2026 } },
    });
  });

  it('names each field it refuses, and never throws on text that is no date or number', () => {
    expect(checkDecision({ ...VALID, subject: 'nonsense', amount: '', decisionDate: 'next spring', correctsEntry: 'two' })).toEqual({
      errors: {
        subject: 'wsDecisions.error.subject',
        amount: 'wsDecisions.error.amount',
        decisionDate: 'wsDecisions.error.decisionDate',
        correctsEntry: 'wsDecisions.error.correctsEntry',
      },
    });
  });

  it('puts the service’s refusal of a request path beside the form field it came from', () => {
    const refusal = new errors.ValidationError('no', { errors: [{ path: ['data', 'subject', 'documentId'], message: 'another municipality' }] });
    expect(refusedDecisionFields(refusal)).toEqual({ subject: 'wsDecisions.error.subject' });
    expect(refusedDecisionFields(new Error('other'))).toBeNull();
  });

  it('starts a correction from what the entry says, naming the entry it corrects', () => {
    const subject = { kind: 'budget-line' as const, code: '0950-01', fiscalYear: 2026 };
    expect(subjectChoice(subject)).toBe('budget-line:2026:0950-01');
    const values = valuesToCorrect({
      sequence: 4,
      decision: { kind: 'approve', subject, amount: null, budgetLine: null, councilDecisionReference: 'VKB 1', decisionDate: '2026-01-02', rationale: 'Why.', correctsEntry: null, municipalityCode: 'X' },
    } as never);
    expect(values).toEqual({ kind: 'approve', subject: 'budget-line:2026:0950-01', amount: '', budgetLine: '', councilDecisionReference: 'VKB 1', decisionDate: '2026-01-02', rationale: 'Why.', correctsEntry: '4' });
  });
});
