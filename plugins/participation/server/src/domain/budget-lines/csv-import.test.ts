import { parseBudgetLineCsv } from './csv-import';

const options = { maxRows: 100 };

describe('parseBudgetLineCsv', () => {
  it('reads Albanian headers, semicolons, a BOM, CRLF and decimal commas', () => {
    const csv = '\uFEFFViti;Kodi;Emërtimi;Miratuar;Shenjuesi gjinor\r\n2026;A-1;"Qendër; ditore";1 000,50;2\r\n';
    const { rows, problems } = parseBudgetLineCsv(csv, { ...options, decimalSeparator: ',' });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        values: expect.objectContaining({ fiscalYear: 2026, code: 'A-1', name: 'Qendër; ditore', approvedMinor: '100050', genderMarker: 'gender_equality_main_objective' }),
      },
    ]);
  });

  it('counts lines as the file has them, including quoted line breaks', () => {
    const csv = 'year,code,name,approved\n2026,A,"two\nlines",1\n2026,B,x,-1\n';
    expect(parseBudgetLineCsv(csv, options).problems).toEqual([{ line: 4, field: 'approved', message: 'must not be negative' }]);
  });

  it('reports a row with the wrong number of cells', () => {
    const csv = 'year,code,name,approved\n2026,A,x\n';
    expect(parseBudgetLineCsv(csv, options).problems).toEqual([{ line: 2, field: 'row', message: 'has 3 cells, the header has 4' }]);
  });

  it('reports a repeated column and too many rows', () => {
    expect(parseBudgetLineCsv('year,code,name,approved,plan\n', options).problems).toEqual([
      { line: 1, field: 'plan', message: 'repeats the approved column' },
    ]);
    const many = `year,code,name,approved\n${Array.from({ length: 3 }, (_, i) => `2026,C${i},n,1`).join('\n')}`;
    expect(parseBudgetLineCsv(many, { maxRows: 2 }).problems).toEqual([{ line: 1, field: 'file', message: 'has more than 2 rows' }]);
  });

  it('reports an empty file', () => {
    expect(parseBudgetLineCsv('', options).problems).toEqual([{ line: 1, field: 'file', message: 'is empty' }]);
  });
});
