/**
 * CSV records as RFC 4180 text, the same bytes `csv-stringify` writes with its defaults (comma, `"`
 * quoting only where a field needs it, `"` doubled inside, `\n` between records; csv-text.test.ts holds
 * the two side by side). The exports write every record through this rather than through csv-stringify,
 * whose per-field handling of its many options costs several times the formatting itself: it kept the
 * largest exports under 10 MB/s (docs/open-data.md, Speed).
 */

/** A field needs quoting when it holds the delimiter, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | null;

const field = (value: CsvValue): string => {
  // Undefined too: a column whose record lacks the field writes it empty, as csv-stringify did.
  const text = value == null ? '' : typeof value === 'string' ? value : String(value);
  // Split and joined, the quotes double with half the garbage of a global replace (a decision's JSON has dozens).
  return NEEDS_QUOTES.test(text) ? `"${text.split('"').join('""')}"` : text;
};

/**
 * Records as CSV lines, each ended by `\n`; null is an empty field. The lines are joined once, into one
 * flat string: adding each to the last would make a rope of every field that writing it must flatten.
 */
export const csvText = (records: ReadonlyArray<ReadonlyArray<CsvValue>>): string => {
  if (records.length === 0) return '';
  const lines = new Array<string>(records.length + 1);
  for (let row = 0; row < records.length; row += 1) {
    const record = records[row];
    let line = record.length === 0 ? '' : field(record[0]);
    for (let index = 1; index < record.length; index += 1) line += `,${field(record[index])}`;
    lines[row] = line;
  }
  // The last line's `\n` comes from joining it with an empty string.
  lines[records.length] = '';
  return lines.join('\n');
};
