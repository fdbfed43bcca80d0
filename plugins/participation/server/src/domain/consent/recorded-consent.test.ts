import { recordedConsentSchema } from './recorded-consent';

const issuesOf = (value: unknown) => {
  const result = recordedConsentSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('recorded consent', () => {
  it('takes consent given, with how it was given and an optional note', () => {
    expect(issuesOf({ given: true, method: 'signed-form' })).toEqual([]);
    expect(issuesOf({ given: true, method: 'guardian', note: 'Mother signed for her son (15).' })).toEqual([]);
  });

  it('refuses consent not given, without a method, with an unknown method, field or marked-up note', () => {
    expect(issuesOf({ given: false, method: 'verbal' })).toEqual(['given']);
    expect(issuesOf({ given: true })).toEqual(['method']);
    expect(issuesOf({ given: true, method: 'assumed' })).toEqual(['method']);
    expect(issuesOf({ given: true, method: 'verbal', by: 'x' })).toEqual(['']);
    expect(issuesOf({ given: true, method: 'verbal', note: '<script>x</script>' })).toEqual(['note']);
  });
});
