import { changedField, importProblemMessage } from './import-problems';

describe('an import problem in the page’s words', () => {
  it('tells the header, the file and a row’s shape apart from a cell', () => {
    expect(importProblemMessage({ line: 1, field: 'colour', message: 'is not a known budget-line column' })).toBe('wsBudget.csv.header');
    expect(importProblemMessage({ line: 1, field: 'approved', message: 'column is missing' })).toBe('wsBudget.csv.header');
    expect(importProblemMessage({ line: 4, field: 'file', message: 'is not valid CSV: …' })).toBe('wsBudget.csv.file');
    expect(importProblemMessage({ line: 3, field: 'row', message: 'has 2 cells, the header has 4' })).toBe('wsBudget.csv.row');
  });

  it('names what a cell needs by the field its column is, in any spelling the import reads', () => {
    expect(importProblemMessage({ line: 2, field: 'Viti fiskal', message: 'must be a whole year' })).toBe('wsBudget.error.fiscalYear');
    expect(importProblemMessage({ line: 2, field: 'miratuar', message: 'must not be negative' })).toBe('wsBudget.csv.amount');
    expect(importProblemMessage({ line: 2, field: 'kodi', message: 'repeats code A for 2026 (line 2)' })).toBe('wsBudget.csv.code');
    expect(importProblemMessage({ line: 2, field: 'gender_marker', message: 'must be one of …' })).toBe('wsBudget.error.genderMarker');
  });

  it('maps a changed value to its column', () => {
    expect(changedField('revisedMinor')).toBe('revised');
    expect(changedField('sdgTargets')).toBe('sdgTargets');
    expect(changedField('documentId')).toBeUndefined();
  });
});
