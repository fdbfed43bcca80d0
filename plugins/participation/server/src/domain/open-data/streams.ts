import { Readable } from 'node:stream';
import { csvText, type CsvValue } from './csv-text';

/**
 * A table read page by page after the last key seen (keyset paging): each read is an index range, and
 * at most two pages are held at a time however large the table. The next page is read while the caller
 * formats and sends the one it was given, so the database and the formatting overlap.
 */
export async function* keysetPages<Row>(readPage: (after: number | null, limit: number) => Promise<Row[]>, keyOf: (row: Row) => number, limit = 500): AsyncGenerator<Row[]> {
  let next: Promise<Row[]> | null = readPage(null, limit);
  while (next !== null) {
    const rows: Row[] = await next;
    next = rows.length < limit ? null : readPage(keyOf(rows[rows.length - 1]), limit);
    // A caller that stops early never awaits the page read ahead: its failure is not an unhandled rejection.
    next?.catch(() => undefined);
    if (rows.length > 0) yield rows;
  }
}

/** One documented column of an export: its CSV header and how a record fills it. */
export interface ExportColumn<Record> {
  name: string;
  value: (record: Record) => CsvValue;
}

/** What an export holds and how it is read; the columns are documented in docs/open-data.md. */
export interface DatasetReader<Record> {
  pages: (municipalityCode: string) => AsyncGenerator<Record[]>;
  columns: ReadonlyArray<ExportColumn<Record>>;
  /** Changes whenever a record is added, changed or removed: the export's ETag is made from it. */
  version: (municipalityCode: string) => Promise<unknown>;
  /** The record as the JSON export writes it, where that is not the record itself. */
  toJson?: (record: Record) => unknown;
}

/** Each dataset keeps its own record type; the table of them forgets it. */
export const reader = <Record>(definition: DatasetReader<Record>) => definition as unknown as DatasetReader<unknown>;

/**
 * A stream made from pages buffers 16 of them by default while the client is slower than the reads: one
 * page at a time, however large, keeps an export's memory flat.
 */
const ONE_PAGE_BUFFERED = { highWaterMark: 1 };

/**
 * CSV in UTF-8 with a byte-order mark (spreadsheets otherwise misread accents), written as pages arrive:
 * each page is formatted in one call (csv-text.ts) and sent as one chunk (a stream transform per row
 * costs several times more than the formatting itself).
 */
export const csvStream = <Record>(pages: AsyncIterable<Record[]>, columns: ReadonlyArray<ExportColumn<Record>>): Readable =>
  Readable.from(
    (async function* () {
      yield `\ufeff${csvText([columns.map((column) => column.name)])}`;
      for await (const page of pages) {
        if (page.length > 0) yield csvText(page.map((record) => columns.map((column) => column.value(record))));
      }
    })(),
    ONE_PAGE_BUFFERED
  );

/** `{"data":[…]}` written one page at a time. */
export const jsonStream = <Record>(pages: AsyncIterable<Record[]>, toJson: (record: Record) => unknown = (record) => record): Readable =>
  Readable.from(
    (async function* () {
      let first = true;
      yield '{"data":[';
      for await (const page of pages) {
        // An empty page would leave a stray comma.
        if (page.length === 0) continue;
        yield `${first ? '' : ','}${page.map((record) => JSON.stringify(toJson(record))).join(',')}`;
        first = false;
      }
      yield ']}';
    })(),
    ONE_PAGE_BUFFERED
  );
