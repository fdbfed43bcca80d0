import { RecentValues } from './recent-values';

describe('RecentValues', () => {
  it('keeps at most its capacity, dropping the value used least recently', () => {
    const values = new RecentValues<string, number>(2);
    values.set('a', 1);
    values.set('b', 2);
    expect(values.get('a')).toBe(1);
    values.set('c', 3);
    expect(values.get('b')).toBeUndefined();
    expect(values.get('a')).toBe(1);
    expect(values.get('c')).toBe(3);
  });

  it('replaces a value set again under the same key without counting it twice', () => {
    const values = new RecentValues<string, number>(2);
    values.set('a', 1);
    values.set('a', 2);
    values.set('b', 3);
    expect(values.get('a')).toBe(2);
    expect(values.get('b')).toBe(3);
  });
});
