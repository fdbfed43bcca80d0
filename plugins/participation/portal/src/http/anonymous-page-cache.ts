import { randomBytes } from 'crypto';
import { preparePage, type PreparedPage } from './respond';

/**
 * Whole pages as a signed-out reader gets them, rendered once and served to the next signed-out readers
 * of the same address. Nothing personal is in them: the page is rendered for nobody, with a placeholder
 * where each reader's own CSRF token goes, substituted on the way out.
 *
 * A page without a form (most public pages) is the same bytes for everyone: it is hashed and compressed
 * once, not once a reader.
 *
 * A page is served from here only while nothing has changed since it was rendered: every change the
 * portal can see (a write through Strapi's database layer, any request that is not a read) calls
 * `invalidate`, and an entry also expires after `ttlMs`, which bounds what a change the process cannot
 * see (another instance, a write inside a transaction not yet committed) can leave showing.
 */
export const anonymousPageCache = ({ entries, ttlMs }: { entries: number; ttlMs: number }) => {
  const csrfPlaceholder = `csrf-${randomBytes(18).toString('hex')}`;
  // `shared` is the page as every reader gets it, when no CSRF token goes into it.
  const store = new Map<string, { html: string; shared: PreparedPage | null; until: number }>();
  let generation = 0;
  return {
    csrfPlaceholder,
    invalidate() {
      generation += 1;
      store.clear();
    },
    /** Taken before rendering: a page is kept only if nothing changed while it was being rendered. */
    generation: () => generation,
    /** The reader's token is asked for only if the page has a form to put it in. */
    get(key: string, csrfTokenOf: () => string): PreparedPage | null {
      const entry = store.get(key);
      if (!entry || entry.until < Date.now()) return null;
      return entry.shared ?? preparePage(entry.html.replaceAll(csrfPlaceholder, csrfTokenOf()));
    },
    set(key: string, html: string, renderedInGeneration: number) {
      if (renderedInGeneration !== generation) return;
      store.delete(key);
      store.set(key, { html, shared: html.includes(csrfPlaceholder) ? null : preparePage(html), until: Date.now() + ttlMs });
      // A Map keeps insertion order: the first key is the least recently stored.
      if (store.size > entries) store.delete(store.keys().next().value!);
    },
  };
};

export type AnonymousPageCache = ReturnType<typeof anonymousPageCache>;
