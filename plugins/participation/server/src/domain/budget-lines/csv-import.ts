import { parse } from 'csv-parse/sync';
import { decimalSeparatorOf, type DecimalSeparator } from '../money/amount';
import {
  budgetLineInputSchema,
  fieldErrorsFrom,
  type BudgetLineField,
  type BudgetLineValues,
} from './budget-line-input';

export interface ImportProblem {
  /** 1-based line of the CSV file (the header is line 1). */
  line: number;
  /** The column as written in the file, or the field it maps to. */
  field: string;
  message: string;
}

export interface ParsedBudgetLineRow {
  line: number;
  values: BudgetLineValues;
}

export interface ParsedBudgetLineCsv {
  rows: ParsedBudgetLineRow[];
  problems: ImportProblem[];
  /** The fields the file has a column for: an update leaves the others as they are. */
  columns: BudgetLineField[];
  /** As stated, or as the file's amounts show it ("." when no amount shows one). */
  decimalSeparator: DecimalSeparator;
}

/**
 * Column headers as finance offices write them, in English and Albanian, after normalising case,
 * accents and separators. Each maps to one budget-line field.
 */
const HEADER_ALIASES: Record<BudgetLineField, readonly string[]> = {
  fiscalYear: ['fiscal_year', 'year', 'fiscalyear', 'viti', 'viti_fiskal'],
  code: ['code', 'budget_code', 'line_code', 'kodi', 'kodi_buxhetor'],
  name: ['name', 'title', 'description', 'emertimi', 'pershkrimi'],
  programme: ['programme', 'program', 'programi'],
  functionalClassification: ['functional_classification', 'function', 'cofog', 'klasifikimi_funksional', 'funksioni'],
  approved: ['approved', 'approved_amount', 'plan', 'miratuar', 'plani'],
  revised: ['revised', 'revised_amount', 'rishikuar', 'plani_rishikuar'],
  committed: ['committed', 'committed_amount', 'angazhuar'],
  spent: ['spent', 'spent_amount', 'executed', 'shpenzuar', 'realizuar'],
  genderMarker: ['gender_marker', 'gender', 'shenjuesi_gjinor', 'gjinia'],
  youthMarker: ['youth_marker', 'youth', 'shenjuesi_rinor', 'rinia'],
  sdgTargets: ['sdg_targets', 'sdg', 'sdgs', 'objektivat_sdg'],
};
const REQUIRED_COLUMNS: readonly BudgetLineField[] = ['fiscalYear', 'code', 'name', 'approved'];

const normaliseHeader = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

/** The budget-line field a column header names, in any of the spellings above. */
export const fieldForHeader = (header: string): BudgetLineField | undefined => {
  const normalised = normaliseHeader(header);
  return (Object.keys(HEADER_ALIASES) as BudgetLineField[]).find((field) =>
    HEADER_ALIASES[field].includes(normalised)
  );
};

/** The delimiter is whichever of ; , or tab occurs most in the header line (outside quotes). */
const detectDelimiter = (text: string): string => {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((candidate) => ({ candidate, count: header.split(candidate).length - 1 }));
  return counts.sort((a, b) => b.count - a.count)[0].count > 0 ? counts[0].candidate : ',';
};

const AMOUNT_FIELDS: readonly BudgetLineField[] = ['approved', 'revised', 'committed', 'spent'];

type DataRecord = { record: string[]; info: { lines: number } };

/**
 * The decimal separator the file's amounts show. A file whose amounts show both is refused with the
 * first cell that disagrees, since guessing wrong multiplies or divides amounts by 100.
 */
const detectDecimalSeparator = (
  headers: string[],
  columnFields: Array<BudgetLineField | undefined>,
  records: DataRecord[]
): { decimalSeparator: DecimalSeparator; problem?: ImportProblem } => {
  let first: { separator: DecimalSeparator; line: number; column: string; raw: string } | undefined;
  for (const { record, info } of records) {
    for (const [index, field] of columnFields.entries()) {
      if (!field || !AMOUNT_FIELDS.includes(field) || record[index] === undefined) continue;
      const separator = decimalSeparatorOf(record[index]);
      if (!separator) continue;
      const cell = { separator, line: info.lines, column: headers[index], raw: record[index].trim() };
      if (!first) first = cell;
      else if (first.separator !== separator) {
        const message = `"${cell.raw}" has "${separator}" as decimal separator, but line ${first.line}, ${first.column} ("${first.raw}") has "${first.separator}"; state decimalSeparator to import this file`;
        return { decimalSeparator: first.separator, problem: { line: cell.line, field: cell.column, message } };
      }
    }
  }
  return { decimalSeparator: first?.separator ?? '.' };
};

export interface CsvImportOptions {
  /** When absent, read from the file's amounts. */
  decimalSeparator?: DecimalSeparator;
  maxRows: number;
}

/**
 * Reads a budget-line CSV and validates every row, collecting every problem with its line and column
 * rather than stopping at the first, so a finance officer can fix the whole file at once.
 */
export const parseBudgetLineCsv = (text: string, options: CsvImportOptions): ParsedBudgetLineCsv => {
  const problems: ImportProblem[] = [];
  const NOTHING: Omit<ParsedBudgetLineCsv, 'problems'> = { rows: [], columns: [], decimalSeparator: options.decimalSeparator ?? '.' };
  let records: DataRecord[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ...NOTHING, problems: [{ line, field: 'file', message: `is not valid CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { ...NOTHING, problems: [{ line: 1, field: 'file', message: 'is empty' }] };

  const [headerRecord, ...dataRecords] = records;
  const headers = headerRecord.record;
  const columnFields = headers.map(fieldForHeader);
  headers.forEach((header, index) => {
    if (!columnFields[index]) {
      problems.push({ line: 1, field: header, message: 'is not a known budget-line column' });
    } else if (columnFields.indexOf(columnFields[index]) !== index) {
      problems.push({ line: 1, field: header, message: `repeats the ${columnFields[index]} column` });
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columnFields.includes(required)) {
      problems.push({ line: 1, field: required, message: 'column is missing' });
    }
  }
  if (problems.length > 0) return { ...NOTHING, problems };
  if (dataRecords.length > options.maxRows) {
    return { ...NOTHING, problems: [{ line: 1, field: 'file', message: `has more than ${options.maxRows} rows` }] };
  }
  const columns = columnFields.filter((field): field is BudgetLineField => field !== undefined);
  const detected = options.decimalSeparator ? { decimalSeparator: options.decimalSeparator } : detectDecimalSeparator(headers, columnFields, dataRecords);
  if (detected.problem) return { ...NOTHING, columns, decimalSeparator: detected.decimalSeparator, problems: [detected.problem] };
  const { decimalSeparator } = detected;

  const schema = budgetLineInputSchema(decimalSeparator);
  const rows: ParsedBudgetLineRow[] = [];
  const firstLineOfKey = new Map<string, number>();

  for (const { record, info } of dataRecords) {
    const line = info.lines;
    if (record.length !== headers.length) {
      problems.push({ line, field: 'row', message: `has ${record.length} cells, the header has ${headers.length}` });
      continue;
    }
    const input = Object.fromEntries(columnFields.map((field, index) => [field, record[index]]));
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const { field, message } of fieldErrorsFrom(result.error)) {
        const column = headers[columnFields.indexOf(field as BudgetLineField)] ?? field;
        problems.push({ line, field: column, message });
      }
      continue;
    }
    const key = `${result.data.fiscalYear}/${result.data.code}`;
    const firstLine = firstLineOfKey.get(key);
    if (firstLine !== undefined) {
      const column = headers[columnFields.indexOf('code')];
      problems.push({ line, field: column, message: `repeats code ${result.data.code} for ${result.data.fiscalYear} (line ${firstLine})` });
      continue;
    }
    firstLineOfKey.set(key, line);
    rows.push({ line, values: result.data });
  }
  return { rows, problems, columns, decimalSeparator };
};
