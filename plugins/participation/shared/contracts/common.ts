/** Response envelope of every list endpoint, shaped like Strapi's own REST responses. */
export interface Paginated<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

export interface Single<T> {
  data: T;
}

/** The `error` object of a 4xx response, as Strapi's errors middleware writes it. */
export interface ApiError<Details = unknown> {
  data: null;
  error: { status: number; name: string; message: string; details: Details };
}

/** How a person gave the consent someone records for them. */
export type ConsentMethod = 'signed-form' | 'verbal' | 'guardian';

/**
 * Consent recorded by a facilitator for someone whose participation they enter (assisted and paper
 * ballots, offline consultation input, paper attendance lines with demographics): the same shape everywhere.
 */
export interface RecordedConsent {
  given: true;
  method: ConsentMethod;
  note?: string;
}
