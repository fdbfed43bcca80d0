import { toAttendee } from './attendance';

describe('attendance lines', () => {
  it('keep only the account of an account line', () => {
    expect(toAttendee({ userId: 7 })).toEqual({ userId: 7 });
  });

  it('keep a paper line with its consent and demographics, leaving out what was not given', () => {
    const consent = { given: true, method: 'signed-form' } as const;
    expect(toAttendee({ offlineReference: 'Sheet 1, line 2' })).toEqual({ offlineReference: 'Sheet 1, line 2' });
    expect(toAttendee({ offlineReference: 'Sheet 1, line 3', consent, demographics: { gender: 'woman', consent: true } })).toEqual({
      offlineReference: 'Sheet 1, line 3',
      consent,
      demographics: { gender: 'woman', consent: true },
    });
  });

  it('refuse a line that names neither', () => {
    expect(() => toAttendee({})).toThrow(/account or a paper line/);
  });
});
