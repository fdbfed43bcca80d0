import { anonymousPageCache } from './anonymous-page-cache';

describe('the signed-out page cache', () => {
  it('gives each reader the page with their own CSRF token', () => {
    const cache = anonymousPageCache({ entries: 10, ttlMs: 60_000 });
    cache.set('/en', `<input name="csrf" value="${cache.csrfPlaceholder}">`, cache.generation());
    expect(cache.get('/en', 'token-a')).toBe('<input name="csrf" value="token-a">');
    expect(cache.get('/en', 'token-b')).toBe('<input name="csrf" value="token-b">');
    expect(cache.get('/sq', 'token-a')).toBeNull();
  });

  it('forgets every page when something changes, and keeps none rendered before the change', () => {
    const cache = anonymousPageCache({ entries: 10, ttlMs: 60_000 });
    cache.set('/en', 'old', cache.generation());
    const renderingStarted = cache.generation();
    cache.invalidate();
    expect(cache.get('/en', 't')).toBeNull();
    cache.set('/en', 'rendered from data read before the change', renderingStarted);
    expect(cache.get('/en', 't')).toBeNull();
    cache.set('/en', 'new', cache.generation());
    expect(cache.get('/en', 't')).toBe('new');
  });

  it('lets entries expire and keeps at most its size, dropping the oldest', () => {
    jest.useFakeTimers();
    try {
      const cache = anonymousPageCache({ entries: 2, ttlMs: 1000 });
      cache.set('a', 'A', cache.generation());
      cache.set('b', 'B', cache.generation());
      cache.set('c', 'C', cache.generation());
      expect([cache.get('a', 't'), cache.get('b', 't'), cache.get('c', 't')]).toEqual([null, 'B', 'C']);
      jest.advanceTimersByTime(1001);
      expect(cache.get('c', 't')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
