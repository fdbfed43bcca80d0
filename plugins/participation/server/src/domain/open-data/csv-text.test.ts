import { stringify } from 'csv-stringify/sync';
import { csvText, type CsvValue } from './csv-text';

describe('csvText', () => {
  const tricky: CsvValue[][] = [
    ['plain', 'Korçë, Shkodër', 'she said "yes"', 'two\nlines', 'carriage\rreturn', 'crlf\r\nline', '"', '', null],
    [0, 12.5, -3, 'ë ç Đường đi bộ', ' spaced ', '=SUM(A1)', '-1', "'quoted'", '{"kind":"fund","amount":"1.00"}'],
    ['', '', ''],
    ['a;b;c', 'tab\there', 'semi;colon', '\ufeffbom inside'],
  ];

  it('writes the same bytes as csv-stringify with its defaults', () => {
    expect(csvText(tricky)).toBe(stringify(tricky.map((record) => record.map((value) => value ?? ''))));
  });

  it('writes the same bytes as csv-stringify for random text of the characters that matter', () => {
    const alphabet = ['a', 'ë', ',', '"', '\n', '\r', ' ', ';', '\t', '=', '-', "'", 'Đ'];
    let seed = 16;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const records = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))
    );
    expect(csvText(records)).toBe(stringify(records));
  });

  it('writes a missing value as an empty field', () => {
    expect(csvText([['a', undefined as unknown as CsvValue, 'b']])).toBe('a,,b\n');
  });

  it('writes nothing for no records', () => {
    expect(csvText([])).toBe('');
  });
});
