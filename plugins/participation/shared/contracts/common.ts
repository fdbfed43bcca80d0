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
