import { categorise, demographicDeclarationSchema, DIMENSIONS, type DemographicDeclaration } from './demographics';

const ALL_FINE = { seeing: 'no-difficulty', hearing: 'no-difficulty', walking: 'no-difficulty', remembering: 'no-difficulty', selfCare: 'no-difficulty', communicating: 'no-difficulty' } as const;

const issuesOf = (input: unknown) => {
  const result = demographicDeclarationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('demographicDeclarationSchema', () => {
  it('accepts a full declaration and an empty one', () => {
    expect(issuesOf({ consent: true })).toEqual([]);
    expect(
      issuesOf({
        gender: 'self-described',
        genderSelfDescription: 'non-binary',
        birthYear: 1990,
        washingtonGroup: { ...ALL_FINE, walking: 'some-difficulty' },
        minorityGroup: 'roma',
        consent: true,
      }),
    ).toEqual([]);
    expect(issuesOf({ ageBand: 'prefer-not-to-say', washingtonGroup: 'prefer-not-to-say', minorityGroup: 'prefer-not-to-say', consent: true })).toEqual([]);
  });

  it('requires explicit consent', () => {
    expect(issuesOf({ gender: 'woman' })).toEqual(['consent']);
    expect(issuesOf({ gender: 'woman', consent: false })).toEqual(['consent']);
    expect(issuesOf({ gender: 'woman', consent: 'yes' })).toEqual(['consent']);
  });

  it('takes a self-description only with gender "self-described", and then requires it', () => {
    expect(issuesOf({ gender: 'woman', genderSelfDescription: 'x', consent: true })).toEqual(['genderSelfDescription']);
    expect(issuesOf({ genderSelfDescription: 'x', consent: true })).toEqual(['genderSelfDescription']);
    expect(issuesOf({ gender: 'self-described', consent: true })).toEqual(['genderSelfDescription']);
    expect(issuesOf({ gender: 'self-described', genderSelfDescription: 'a'.repeat(61), consent: true })).toEqual(['genderSelfDescription']);
    expect(issuesOf({ gender: 'self-described', genderSelfDescription: '<b>x</b>', consent: true })).toEqual(['genderSelfDescription']);
  });

  it('takes a birth year or an age band, not both', () => {
    expect(issuesOf({ birthYear: 1990, ageBand: '30-44', consent: true })).toEqual(['ageBand']);
    expect(issuesOf({ birthYear: 1899, consent: true })).toEqual(['birthYear']);
    expect(issuesOf({ birthYear: new Date().getUTCFullYear() + 1, consent: true })).toEqual(['birthYear']);
    expect(issuesOf({ birthYear: 1990.5, consent: true })).toEqual(['birthYear']);
  });

  it('rejects unknown keys, here and inside the Washington Group answers', () => {
    expect(issuesOf({ consent: true, religion: 'x' })).toEqual(['']);
    expect(issuesOf({ consent: true, washingtonGroup: { ...ALL_FINE, mood: 'no-difficulty' } })).toEqual(['washingtonGroup']);
    expect(issuesOf({ consent: true, washingtonGroup: { seeing: 'no-difficulty' } })).not.toEqual([]);
  });
});

describe('categorise', () => {
  const declare = (fields: Omit<DemographicDeclaration, 'consent'>): DemographicDeclaration => demographicDeclarationSchema.parse({ ...fields, consent: true });

  it('puts nobody-declared and an empty declaration in "not-stated" everywhere', () => {
    const notStated = { gender: 'not-stated', ageBand: 'not-stated', disability: 'not-stated', minorityGroup: 'not-stated' };
    expect(categorise(null, '2026-05-01')).toEqual(notStated);
    expect(categorise(declare({}), '2026-05-01')).toEqual(notStated);
  });

  it('keeps the gender category and never the self-description', () => {
    const record = categorise(declare({ gender: 'self-described', genderSelfDescription: 'genderfluid' }), '2026-05-01');
    expect(record.gender).toBe('self-described');
    expect(JSON.stringify(record)).not.toContain('genderfluid');
    expect(categorise(declare({ gender: 'prefer-not-to-say' }), '2026-05-01').gender).toBe('prefer-not-to-say');
  });

  it('takes the age reached during the year of the date from a birth year', () => {
    const bandOn = (birthYear: number, onDate: string) => categorise(declare({ birthYear }), onDate).ageBand;
    expect(bandOn(2008, '2025-12-31')).toBe('under-18');
    expect(bandOn(2008, '2026-01-01')).toBe('18-29');
    expect(bandOn(1997, '2026-06-01')).toBe('18-29');
    expect(bandOn(1996, '2026-06-01')).toBe('30-44');
    expect(bandOn(1982, '2026-06-01')).toBe('30-44');
    expect(bandOn(1981, '2026-06-01')).toBe('45-64');
    expect(bandOn(1962, '2026-06-01')).toBe('45-64');
    expect(bandOn(1961, '2026-06-01')).toBe('65-plus');
    expect(categorise(declare({ ageBand: '30-44' }), '2026-06-01').ageBand).toBe('30-44');
    expect(categorise(declare({ ageBand: 'prefer-not-to-say' }), '2026-06-01').ageBand).toBe('prefer-not-to-say');
    expect(() => categorise(declare({ birthYear: 1990 }), '1 June 2026')).toThrow(RangeError);
  });

  it('counts a disability at the Washington Group cut-off: a lot of difficulty or cannot do in any domain', () => {
    const disabilityWith = (washingtonGroup: DemographicDeclaration['washingtonGroup']) => categorise(declare({ washingtonGroup }), '2026-06-01').disability;
    expect(disabilityWith(ALL_FINE)).toBe('no');
    expect(disabilityWith({ ...ALL_FINE, seeing: 'some-difficulty', hearing: 'some-difficulty', walking: 'some-difficulty' })).toBe('no');
    expect(disabilityWith({ ...ALL_FINE, remembering: 'a-lot-of-difficulty' })).toBe('yes');
    expect(disabilityWith({ ...ALL_FINE, selfCare: 'cannot-do-at-all' })).toBe('yes');
    expect(disabilityWith('prefer-not-to-say')).toBe('prefer-not-to-say');
  });

  it('passes the minority group through', () => {
    expect(categorise(declare({ minorityGroup: 'egyptian' }), '2026-06-01').minorityGroup).toBe('egyptian');
    expect(categorise(declare({ minorityGroup: 'none' }), '2026-06-01').minorityGroup).toBe('none');
  });

  it('lists the categories in publication order', () => {
    expect(Object.keys(DIMENSIONS)).toEqual(['gender', 'ageBand', 'disability', 'minorityGroup']);
    expect(DIMENSIONS.ageBand).toEqual(['under-18', '18-29', '30-44', '45-64', '65-plus', 'prefer-not-to-say', 'not-stated']);
  });
});
