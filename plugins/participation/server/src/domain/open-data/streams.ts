import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';

/**
 * A table read page by page after the last key seen (keyset paging): each read is an index range, and
 * only one page is held at a time however large the table.
 */
export async function* keysetPages<Row>(readPage: (after: number | null, limit: number) => Promise<Row[]>, keyOf: (row: Row) => number, limit = 500): AsyncGenerator<Row[]> {
  let after: number | null = null;
  for (;;) {
    const rows = await readPage(after, limit);
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

/** One documented column of an export: its CSV header and how a record fills it. */
export interface ExportColumn<Record> {
  name: string;
  value: (record: Record) => string | number | null;
}

/** What an export holds and how it is read; the columns are documented in docs/open-data.md. */
export interface DatasetReader<Record> {
  pages: (municipalityCode: string) => AsyncGenerator<Record[]>;
  columns: ReadonlyArray<ExportColumn<Record>>;
  /** Changes whenever a record is added, changed or removed: the export's ETag is made from it. */
  version: (municipalityCode: string) => Promise<unknown>;
}

/** Each dataset keeps its own record type; the table of them forgets it. */
export const reader = <Record>(definition: DatasetReader<Record>) => definition as unknown as DatasetReader<unknown>;

/**
 * CSV in UTF-8 with a byte-order mark (spreadsheets otherwise misread accents), written as pages arrive:
 * each page is formatted in one call and sent as one chunk (a stream transform per row costs several
 * times more than the formatting itself).
 */
export const csvStream = <Record>(pages: AsyncIterable<Record[]>, columns: ReadonlyArray<ExportColumn<Record>>): Readable =>
  Readable.from(
    (async function* () {
      yield `\ufeff${stringify([columns.map((column) => column.name)])}`;
      for await (const page of pages) {
        if (page.length > 0) yield stringify(page.map((record) => columns.map((column) => column.value(record) ?? '')));
      }
    })()
  );

/** `{"data":[…]}` written one page at a time. */
export const jsonStream = <Record>(pages: AsyncIterable<Record[]>): Readable =>
  Readable.from(
    (async function* () {
      let first = true;
      yield '{"data":[';
      for await (const page of pages) {
        // An empty page would leave a stray comma.
        if (page.length === 0) continue;
        yield `${first ? '' : ','}${page.map((record) => JSON.stringify(record)).join(',')}`;
        first = false;
      }
      yield ']}';
    })()
  );
