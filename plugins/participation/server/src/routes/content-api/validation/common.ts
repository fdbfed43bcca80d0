import { z } from 'zod';

/** Strapi's own pagination parameter names, with its default page size and maximum. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

/** `?x=a&x=b` and `?x=a,b` both mean a list. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',') : value),
    z.array(item).min(1)
  );
