import { existsSync } from 'fs';
import { mkdtemp, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import path from 'path';
import type { Context } from 'koa';
import { takeUploads } from './multipart-form';

/** Files as formidable leaves them on `ctx.request.files`: each at a temporary path. */
const uploaded = async (files: Record<string, Array<{ name: string; text: string }>>) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-upload-'));
  const entries: Record<string, Array<{ filepath: string; size: number; originalFilename: string }>> = {};
  let count = 0;
  for (const [field, list] of Object.entries(files)) {
    entries[field] = [];
    for (const file of list) {
      count += 1;
      const filepath = path.join(dir, `upload-${count}`);
      await writeFile(filepath, file.text);
      entries[field].push({ filepath, size: Buffer.byteLength(file.text), originalFilename: file.name });
    }
  }
  const paths = Object.values(entries).flatMap((list) => list.map((file) => file.filepath));
  const single = Object.fromEntries(Object.entries(entries).map(([field, list]) => [field, list.length === 1 ? list[0] : list]));
  return { ctx: { request: { files: single } } as unknown as Context, paths };
};

describe('the files of a portal form', () => {
  it('reads each field’s first file as text and removes every temporary file', async () => {
    const { ctx, paths } = await uploaded({ file: [{ name: 'budget.csv', text: 'code;name\nA;Ä' }, { name: 'second.csv', text: 'ignored' }], other: [{ name: 'b.txt', text: 'b' }] });
    expect(await takeUploads(ctx)).toEqual({ file: { fileName: 'budget.csv', text: 'code;name\nA;Ä' }, other: { fileName: 'b.txt', text: 'b' } });
    expect(paths.filter((file) => existsSync(file))).toEqual([]);
  });

  it('only flags a file larger than the limit, unread, and still removes it', async () => {
    const { ctx, paths } = await uploaded({ file: [{ name: 'big.csv', text: 'x'.repeat(11) }] });
    expect(await takeUploads(ctx, 10)).toEqual({ file: { fileName: 'big.csv', tooLarge: true } });
    expect(existsSync(paths[0])).toBe(false);
  });

  it('counts a file input left empty as no file, and a request without files as none', async () => {
    const { ctx } = await uploaded({ file: [{ name: '', text: '' }] });
    expect(await takeUploads(ctx)).toEqual({});
    expect(await takeUploads({ request: {} } as unknown as Context)).toEqual({});
  });
});
