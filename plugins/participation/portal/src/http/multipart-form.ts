import { readFile, rm } from 'fs/promises';
import type { Context } from 'koa';

/**
 * The largest file a portal form takes. Strapi's body parser (koa-body with formidable, `strapi::body`)
 * already parses `multipart/form-data` and writes each file to a temporary path; the portal reads the
 * text of files up to this size and never the rest.
 */
export const PORTAL_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** A file sent with a portal form: its text, or only that it was too large to read. */
export type PortalUpload = { fileName: string; text: string; tooLarge?: never } | { fileName: string; tooLarge: true; text?: never };

interface FormidableFile {
  filepath: string;
  size: number;
  originalFilename?: string | null;
}

const filesOf = (ctx: Context): Array<[string, FormidableFile]> => {
  const files = (ctx.request as { files?: Record<string, FormidableFile | FormidableFile[]> }).files ?? {};
  return Object.entries(files).flatMap(([field, value]) => [value].flat().map((file): [string, FormidableFile] => [field, file]));
};

/**
 * The files of a multipart POST, by field (the first file of a repeated field), read as UTF-8 text.
 * A file input left empty arrives as a nameless empty file and counts as absent. Every temporary file is
 * removed here: Strapi's body parser removes only the upload plugin's `files` field, so the portal's
 * would stay on disk.
 */
export const takeUploads = async (ctx: Context, maxBytes = PORTAL_UPLOAD_MAX_BYTES): Promise<Record<string, PortalUpload>> => {
  const files = filesOf(ctx);
  if (files.length === 0) return {};
  const uploads: Record<string, PortalUpload> = {};
  try {
    for (const [field, file] of files) {
      if (field in uploads || (file.size === 0 && !file.originalFilename)) continue;
      const fileName = file.originalFilename ?? '';
      uploads[field] = file.size > maxBytes ? { fileName, tooLarge: true } : { fileName, text: await readFile(file.filepath, 'utf8') };
    }
  } finally {
    await Promise.all(files.map(([, file]) => rm(file.filepath, { force: true })));
  }
  return uploads;
};
