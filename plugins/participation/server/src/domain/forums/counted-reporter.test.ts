import { isCountedReporter } from './counted-reporter';

describe('whose reports count towards auto-hide', () => {
  const rule = { minAccountAgeDays: 7, minVisiblePosts: 3 };
  const now = new Date('2026-12-05T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  it('counts an account at least 7 days old with at least 3 visible posts', () => {
    expect(isCountedReporter({ accountCreatedAt: daysAgo(7), visiblePosts: 3 }, rule, now)).toBe(true);
    expect(isCountedReporter({ accountCreatedAt: daysAgo(400), visiblePosts: 50 }, rule, now)).toBe(true);
  });

  it('does not count a new account, however active, nor an old one that never took part', () => {
    expect(isCountedReporter({ accountCreatedAt: daysAgo(6.9), visiblePosts: 100 }, rule, now)).toBe(false);
    expect(isCountedReporter({ accountCreatedAt: daysAgo(365), visiblePosts: 2 }, rule, now)).toBe(false);
  });

  it('counts everyone when both thresholds are 0', () => {
    expect(isCountedReporter({ accountCreatedAt: now, visiblePosts: 0 }, { minAccountAgeDays: 0, minVisiblePosts: 0 }, now)).toBe(true);
  });
});
