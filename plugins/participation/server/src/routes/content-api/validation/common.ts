import { z } from 'zod';

/** Strapi's own pagination parameter names, with its default page size and maximum. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

/** A write's body: Strapi's envelope, the fields under `data` and nothing beside them. */
export const dataBody = <Fields extends z.ZodType>(fields: Fields) => z.object({ data: fields }).strict();

/** `?x=a&x=b` and `?x=a,b` both mean a list. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',') : value),
    z.array(item).min(1)
  );

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-03-15')
  // zod runs this even when the pattern failed: a text that is no date at all must not throw (a 500) here.
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a calendar date');

/** An ISO 8601 instant with its offset, e.g. 2026-03-15T17:00:00+01:00. */
export const isoInstant = z.iso.datetime({ offset: true, message: 'must be a date and time such as 2026-03-15T17:00:00+01:00' });

/** Plain text and links: one policy for every field (domain/text/plain-text.ts, docs/architecture.md). */
export { httpUrl, plainText } from '../../../domain/text/plain-text';

/** Strapi document ids: 24 lowercase letters and digits (older ids may differ in length). */
export const documentIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, 'is not a document id');

/** A municipality's code in a path, e.g. `tirana`. */
export const municipalityCodeParam = z.string().min(1).max(32);
