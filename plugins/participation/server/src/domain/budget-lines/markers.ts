/**
 * Gender marker: the categories of SDG indicator 5.c.1 for tracking allocations to gender equality.
 * Youth marker: the same three-step scale that youth-responsive budgeting uses.
 */
export const GENDER_MARKERS = [
  'none',
  'closes_gender_gaps',
  'gender_equality_main_objective',
  'women_and_girls_only',
] as const;
export type GenderMarker = (typeof GENDER_MARKERS)[number];

export const YOUTH_MARKERS = ['none', 'significant', 'principal'] as const;
export type YouthMarker = (typeof YOUTH_MARKERS)[number];

/** Finance offices often export markers as scores; accept those as well as the names. */
const readMarker = <T extends string>(values: readonly T[], raw: string): T | undefined => {
  const text = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (/^\d$/.test(text)) return values[Number(text)];
  return values.find((value) => value === text);
};

export const readGenderMarker = (raw: string): GenderMarker | undefined => readMarker(GENDER_MARKERS, raw);
export const readYouthMarker = (raw: string): YouthMarker | undefined => readMarker(YOUTH_MARKERS, raw);
