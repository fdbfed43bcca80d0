import { z } from 'zod';
import type { ConsentMethod } from '../../server/src/domain/consent/recorded-consent';
import { PORTAL_LANGUAGES } from '../../portal/src/i18n/languages';

/** The language an item is written in; null: its municipality's content language. */
export const writtenLanguageAnswerSchema = z.enum(PORTAL_LANGUAGES).nullable();

export const paginationSchema = z.strictObject({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});

/** Response envelope of every list endpoint, shaped like Strapi's own REST responses. */
export const paginated = <Item extends z.ZodType>(item: Item) =>
  z.strictObject({ data: z.array(item), meta: z.strictObject({ pagination: paginationSchema }) });

export const single = <Item extends z.ZodType>(item: Item) => z.strictObject({ data: item });

/** Strapi's page parameters, which every list endpoint takes. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Paginated<T> {
  data: T[];
  meta: { pagination: z.infer<typeof paginationSchema> };
}

export interface Single<T> {
  data: T;
}

/** Amounts travel as decimal strings (exact; never binary floating point). */
export const decimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'is not a decimal amount');

/** An instant as JSON carries it. */
export const instantSchema = z.iso.datetime({ offset: true });

/** The `error` object of a 4xx response, as Strapi's errors middleware writes it. */
export interface ApiError<Details = unknown> {
  data: null;
  error: { status: number; name: string; message: string; details: Details };
}

/** How a person gave the consent someone records for them. */
export type { ConsentMethod };

/**
 * Consent recorded by a facilitator for someone whose participation they enter (assisted and paper
 * ballots, offline consultation input, paper attendance lines with demographics): the same shape everywhere.
 */
export interface RecordedConsent {
  given: true;
  method: ConsentMethod;
  note?: string;
}
