import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { usePortal } from '../components/portal-context';
import { translatorFor } from '../i18n/translator';
import { renderedMarkupCache } from './rendered-markup';
import type { PortalContext } from './portal-route';

const contextIn = (lang: 'en' | 'sq', user: PortalContext['user'] = null): PortalContext =>
  ({ lang, i18n: translatorFor(lang), user, actor: null, csrfToken: 'token-of-this-reader', pagePath: '/', href: (path: string) => `/${lang}${path}` }) as unknown as PortalContext;

/** What a part shows: its language, and who reads it and their token if anything leaked them in. */
const Part = ({ label }: { label: string }) => {
  const { lang, user, csrfToken } = usePortal();
  return createElement('p', null, `${label} ${lang} ${user?.username ?? 'nobody'} ${csrfToken || 'no-token'}`);
};

describe('renderedMarkupCache', () => {
  it('renders a part once per key and language, and shares it with every reader', async () => {
    const cached = renderedMarkupCache({ entries: 10, ttlMs: 60_000 });
    const render = jest.fn(async () => createElement(Part, { label: 'results' }));
    const first = renderToStaticMarkup(await cached(contextIn('en', { id: 1, username: 'ana' } as PortalContext['user']), 'round-1', render));
    const second = renderToStaticMarkup(await cached(contextIn('en'), 'round-1', render));
    const albanian = renderToStaticMarkup(await cached(contextIn('sq'), 'round-1', render));
    expect(render).toHaveBeenCalledTimes(2);
    expect(first).toBe('<div><p>results en nobody no-token</p></div>');
    expect(second).toBe(first);
    expect(albanian).toBe('<div><p>results sq nobody no-token</p></div>');
  });

  it('renders again once an entry expires, and forgets the oldest beyond its size', async () => {
    let now = 1_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const cached = renderedMarkupCache({ entries: 2, ttlMs: 100 });
    const render = jest.fn(async () => createElement(Part, { label: 'x' }));
    await cached(contextIn('en'), 'a', render);
    now += 101;
    await cached(contextIn('en'), 'a', render);
    expect(render).toHaveBeenCalledTimes(2);
    await cached(contextIn('en'), 'b', render);
    await cached(contextIn('en'), 'c', render);
    await cached(contextIn('en'), 'a', render);
    expect(render).toHaveBeenCalledTimes(5);
    jest.restoreAllMocks();
  });

  it('does not keep a failed rendering', async () => {
    const cached = renderedMarkupCache({ entries: 10, ttlMs: 60_000 });
    await expect(cached(contextIn('en'), 'k', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    const markup = renderToStaticMarkup(await cached(contextIn('en'), 'k', async () => createElement(Part, { label: 'ok' })));
    expect(markup).toContain('ok en');
  });
});
