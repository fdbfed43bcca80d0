import { randomBytes } from 'crypto';

/**
 * Whole pages as a signed-out reader gets them, rendered once and served to the next signed-out readers
 * of the same address. Nothing personal is in them: the page is rendered for nobody, with a placeholder
 * where each reader's own CSRF token goes, substituted on the way out.
 *
 * A page is served from here only while nothing has changed since it was rendered: every change the
 * portal can see (a write through Strapi's database layer, any request that is not a read) calls
 * `invalidate`, and an entry also expires after `ttlMs`, which bounds what a change the process cannot
 * see (another instance, a write inside a transaction not yet committed) can leave showing.
 */
export const anonymousPageCache = ({ entries, ttlMs }: { entries: number; ttlMs: number }) => {
  const csrfPlaceholder = `csrf-${randomBytes(18).toString('hex')}`;
  const store = new Map<string, { html: string; until: number }>();
  let generation = 0;
  return {
    csrfPlaceholder,
    invalidate() {
      generation += 1;
      store.clear();
    },
    /** Taken before rendering: a page is kept only if nothing changed while it was being rendered. */
    generation: () => generation,
    get(key: string, csrfToken: string): string | null {
      const entry = store.get(key);
      if (!entry || entry.until < Date.now()) return null;
      return entry.html.replaceAll(csrfPlaceholder, csrfToken);
    },
    set(key: string, html: string, renderedInGeneration: number) {
      if (renderedInGeneration !== generation) return;
      store.delete(key);
      store.set(key, { html, until: Date.now() + ttlMs });
      // A Map keeps insertion order: the first key is the least recently stored.
      if (store.size > entries) store.delete(store.keys().next().value!);
    },
  };
};

export type AnonymousPageCache = ReturnType<typeof anonymousPageCache>;
