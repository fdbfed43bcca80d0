import { parse } from 'csv-parse/sync';
import { csvStream, jsonStream, keysetPages } from './streams';

const collect = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return { chunks, text: Buffer.concat(chunks).toString('utf8') };
};

const table = Array.from({ length: 7 }, (_, index) => ({ id: index * 2 + 1, name: `Korçë ${index}` }));
const reads: Array<number | null> = [];
const pagesOf = (limit: number) =>
  keysetPages(
    async (after, size) => {
      reads.push(after);
      return table.filter((row) => after === null || row.id > after).slice(0, size);
    },
    (row) => row.id,
    limit
  );

describe('open-data streams', () => {
  beforeEach(() => (reads.length = 0));

  it('reads a table in pages after the last key, stopping at a short page', async () => {
    const pages: number[][] = [];
    for await (const page of pagesOf(3)) pages.push(page.map((row) => row.id));
    expect(pages).toEqual([[1, 3, 5], [7, 9, 11], [13]]);
    expect(reads).toEqual([null, 5, 11]);
  });

  it('reads the next page while the caller works on the one it was given', async () => {
    const pages = pagesOf(3);
    expect((await pages.next()).value).toHaveLength(3);
    expect(reads).toEqual([null, 5]);
  });

  it('gives a failed read ahead to the caller that asks for that page, and to no one else', async () => {
    const failing = () =>
      keysetPages(
        async (after) => {
          if (after !== null) throw new Error('connection lost');
          return [{ id: 1 }, { id: 2 }];
        },
        (row) => row.id,
        2
      );
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const stopped = failing();
      await stopped.next();
      await stopped.return(undefined);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    const continued = failing();
    await continued.next();
    await expect(continued.next()).rejects.toThrow('connection lost');
  });

  it('writes CSV with a BOM and a header that parses back with accents intact', async () => {
    const { text } = await collect(csvStream(pagesOf(3), [{ name: 'id', value: (row) => row.id }, { name: 'name', value: (row) => row.name }]));
    expect(text.startsWith('\ufeffid,name\n')).toBe(true);
    const records = parse(text, { bom: true, columns: true });
    expect(records).toHaveLength(7);
    expect(records[6]).toEqual({ id: '13', name: 'Korçë 6' });
  });

  it('writes JSON that parses, empty or not', async () => {
    expect(JSON.parse((await collect(jsonStream(pagesOf(3)))).text).data).toEqual(table);
    expect(JSON.parse((await collect(jsonStream((async function* () {})()))).text)).toEqual({ data: [] });
  });

  it('writes JSON that parses when a filtered page comes out empty', async () => {
    const pages = (async function* () {
      yield [{ id: 1 }];
      yield [];
      yield [{ id: 2 }];
    })();
    expect(JSON.parse((await collect(jsonStream(pages))).text).data).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
