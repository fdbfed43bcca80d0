/**
 * Self-declared demographics, given with explicit consent, and the statistical categories they fall
 * into. A declaration is stored privately; only its categories ever reach statistics, and only as
 * suppressed aggregates (see disaggregate.ts).
 */
import { z } from 'zod';
import { plainText } from '../text/plain-text';

const AGE_BANDS = ['under-18', '18-29', '30-44', '45-64', '65-plus'] as const;

/** Every dimension's categories, in publication order. "not-stated" is whoever gave no answer. */
export const DIMENSIONS = {
  gender: ['woman', 'man', 'self-described', 'prefer-not-to-say', 'not-stated'],
  ageBand: [...AGE_BANDS, 'prefer-not-to-say', 'not-stated'],
  disability: ['yes', 'no', 'prefer-not-to-say', 'not-stated'],
  minorityGroup: ['roma', 'egyptian', 'other-minority', 'none', 'prefer-not-to-say', 'not-stated'],
} as const;

export type Dimension = keyof typeof DIMENSIONS;
export type CategoryOf<D extends Dimension> = (typeof DIMENSIONS)[D][number];
/** One person's categories: what statistics see instead of the declaration. */
export type DemographicRecord = { readonly [D in Dimension]: CategoryOf<D> };

export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as readonly Dimension[];

/** Washington Group Short Set answers; the last two are its standard disability cut-off. */
const DIFFICULTY = z.enum(['no-difficulty', 'some-difficulty', 'a-lot-of-difficulty', 'cannot-do-at-all']);
const SEVERE_DIFFICULTIES: readonly string[] = ['a-lot-of-difficulty', 'cannot-do-at-all'];

/** A few words on one line. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the check refuses
const oneLine = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const demographicDeclarationSchema = z
  .object({
    gender: z.enum(['woman', 'man', 'self-described', 'prefer-not-to-say']).optional(),
    genderSelfDescription: plainText(60).refine(oneLine, 'must be plain text on one line').optional(),
    // The bound is read at each parse: a server running over New Year must accept the new year.
    birthYear: z
      .number()
      .int()
      .min(1900)
      .refine((year) => year <= new Date().getUTCFullYear(), 'cannot be in the future')
      .optional(),
    ageBand: z.enum([...AGE_BANDS, 'prefer-not-to-say']).optional(),
    washingtonGroup: z
      .union([
        z.literal('prefer-not-to-say'),
        z
          .object({
            seeing: DIFFICULTY,
            hearing: DIFFICULTY,
            walking: DIFFICULTY,
            remembering: DIFFICULTY,
            selfCare: DIFFICULTY,
            communicating: DIFFICULTY,
          })
          .strict(),
      ])
      .optional(),
    minorityGroup: z.enum(['roma', 'egyptian', 'other-minority', 'none', 'prefer-not-to-say']).optional(),
    consent: z.literal(true, 'explicit consent is required'),
  })
  .strict()
  .superRefine((declaration, ctx) => {
    if (declaration.gender === 'self-described' && declaration.genderSelfDescription === undefined) {
      ctx.addIssue({ code: 'custom', path: ['genderSelfDescription'], message: 'describe the gender in your own words, or choose another answer' });
    }
    if (declaration.gender !== 'self-described' && declaration.genderSelfDescription !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['genderSelfDescription'], message: 'is only for gender "self-described"' });
    }
    if (declaration.birthYear !== undefined && declaration.ageBand !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ageBand'], message: 'give a birth year or an age band, not both' });
    }
  });

export type DemographicDeclaration = z.output<typeof demographicDeclarationSchema>;

const NOT_STATED: DemographicRecord = { gender: 'not-stated', ageBand: 'not-stated', disability: 'not-stated', minorityGroup: 'not-stated' };

/**
 * The categories of one declaration (null: nobody declared anything). Age is the age reached during
 * the year of `onDate` (YYYY-MM-DD), as a birth year alone allows. The self-description text is
 * dropped: free text could identify a person.
 */
export function categorise(declaration: DemographicDeclaration | null, onDate: string): DemographicRecord {
  if (declaration === null) return NOT_STATED;
  return {
    gender: declaration.gender ?? 'not-stated',
    ageBand: ageBandOf(declaration, yearOf(onDate)),
    disability: disabilityOf(declaration.washingtonGroup),
    minorityGroup: declaration.minorityGroup ?? 'not-stated',
  };
}

function yearOf(date: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  return Number(match[1]);
}

function ageBandOf(declaration: DemographicDeclaration, year: number): CategoryOf<'ageBand'> {
  if (declaration.birthYear === undefined) return declaration.ageBand ?? 'not-stated';
  const age = year - declaration.birthYear;
  if (age < 18) return 'under-18';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 65) return '45-64';
  return '65-plus';
}

function disabilityOf(answers: DemographicDeclaration['washingtonGroup']): CategoryOf<'disability'> {
  if (answers === undefined) return 'not-stated';
  if (answers === 'prefer-not-to-say') return 'prefer-not-to-say';
  return Object.values(answers).some((answer) => SEVERE_DIFFICULTIES.includes(answer)) ? 'yes' : 'no';
}
