import { isoDate } from './common';

/** A birth date: a calendar date, not in the future and not before 1900. */
export const birthDate = isoDate
  .refine((value) => value <= new Date().toISOString().slice(0, 10), 'is in the future')
  .refine((value) => value >= '1900-01-01', 'is before 1900');
