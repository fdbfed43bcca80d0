import { readFile } from 'fs/promises';
import { fieldError } from './field-error';

interface UploadedFile {
  filepath: string;
}

/**
 * A CSV arrives as a JSON `{ csv }` body or as a multipart upload in a `file` field: exactly one of them,
 * else a 400 naming `csv`.
 */
export const csvFromRequest = async (csv: string | undefined, files: Record<string, UploadedFile | UploadedFile[]> | undefined): Promise<string> => {
  const file = files?.file;
  if (file && csv !== undefined) throw fieldError('csv', 'send the CSV as a file or as `csv`, not both');
  if (file) return readFile((Array.isArray(file) ? file[0] : file).filepath, 'utf8');
  if (csv === undefined) throw fieldError('csv', 'is required (or upload a `file`)');
  return csv;
};
