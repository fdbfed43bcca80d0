import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PortalContextProvider } from '../components/portal-context';
import type { PortalContext } from './portal-route';

/**
 * Page parts that are the same for every reader (a round's published results: 300 projects, each with
 * its explanation) rendered once and reused. The key names everything the markup shows, so a cached part
 * is never wrong, only old: entries also expire, which bounds what an edit outside the portal (the
 * Content Manager) can leave showing. Rendered without the reader (no person, no CSRF token), so nothing
 * personal can enter a part that others are shown.
 */
export const renderedMarkupCache = ({ entries, ttlMs }: { entries: number; ttlMs: number }) => {
  const store = new Map<string, { html: Promise<string>; until: number }>();
  return async (context: PortalContext, key: string, render: () => Promise<ReactElement>): Promise<ReactElement> => {
    const fullKey = `${context.href('/')}\u0000${key}`;
    const now = Date.now();
    let entry = store.get(fullKey);
    if (!entry || entry.until < now) {
      const shared: PortalContext = { ...context, user: null, actor: null, csrfToken: '' };
      // The promise is kept, so readers arriving while it renders wait for the one rendering.
      entry = { html: render().then((element) => renderToStaticMarkup(createElement(PortalContextProvider.Provider, { value: shared }, element))), until: now + ttlMs };
      const made = entry;
      made.html.catch(() => store.get(fullKey) === made && store.delete(fullKey));
      store.delete(fullKey);
      store.set(fullKey, entry);
      // A Map keeps insertion order: the first key is the oldest.
      if (store.size > entries) store.delete(store.keys().next().value!);
    }
    return createElement('div', { dangerouslySetInnerHTML: { __html: await entry.html } });
  };
};
