import { anonymousPageCache } from './anonymous-page-cache';

const pageOf = (cache: ReturnType<typeof anonymousPageCache>, key: string, token: string) => cache.get(key, () => token)?.content.toString() ?? null;

describe('the signed-out page cache', () => {
  it('gives each reader the page with their own CSRF token', () => {
    const cache = anonymousPageCache({ entries: 10, ttlMs: 60_000 });
    cache.set('/en', `<input name="csrf" value="${cache.csrfPlaceholder}">`, cache.generation());
    expect(pageOf(cache, '/en', 'token-a')).toBe('<input name="csrf" value="token-a">');
    expect(pageOf(cache, '/en', 'token-b')).toBe('<input name="csrf" value="token-b">');
    expect(pageOf(cache, '/sq', 'token-a')).toBeNull();
  });

  it('forgets every page when something changes, and keeps none rendered before the change', () => {
    const cache = anonymousPageCache({ entries: 10, ttlMs: 60_000 });
    cache.set('/en', 'old', cache.generation());
    const renderingStarted = cache.generation();
    cache.invalidate();
    expect(pageOf(cache, '/en', 't')).toBeNull();
    cache.set('/en', 'rendered from data read before the change', renderingStarted);
    expect(pageOf(cache, '/en', 't')).toBeNull();
    cache.set('/en', 'new', cache.generation());
    expect(pageOf(cache, '/en', 't')).toBe('new');
  });

  it('lets entries expire and keeps at most its size, dropping the oldest', () => {
    jest.useFakeTimers();
    try {
      const cache = anonymousPageCache({ entries: 2, ttlMs: 1000 });
      cache.set('a', 'A', cache.generation());
      cache.set('b', 'B', cache.generation());
      cache.set('c', 'C', cache.generation());
      expect([pageOf(cache, 'a', 't'), pageOf(cache, 'b', 't'), pageOf(cache, 'c', 't')]).toEqual([null, 'B', 'C']);
      jest.advanceTimersByTime(1001);
      expect(pageOf(cache, 'c', 't')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('hands every reader the same prepared page when it carries no CSRF token, and a page of their own when it does', () => {
    const cache = anonymousPageCache({ entries: 10, ttlMs: 60_000 });
    cache.set('/en/budget', '<p>no form here</p>', cache.generation());
    cache.set('/en/sign-in', `<input name="csrf" value="${cache.csrfPlaceholder}">`, cache.generation());
    const askedFor: string[] = [];
    const tokenOf = (token: string) => () => (askedFor.push(token), token);
    expect(cache.get('/en/budget', tokenOf('token-a'))).toBe(cache.get('/en/budget', tokenOf('token-b')));
    expect(askedFor).toEqual([]);
    expect(cache.get('/en/sign-in', tokenOf('token-a'))!.etag).not.toBe(cache.get('/en/sign-in', tokenOf('token-b'))!.etag);
    expect(askedFor).toEqual(['token-a', 'token-b']);
  });
});
