import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectPageFitsEveryone, newPortalContext, signInThroughForm, statusOf, submitMainForm, transferredBytes } from './browser';

/** One page in one state: who reads it, where, optionally a form sent with these fields, and the status it answers with. */
export interface PageCase<Fixtures, Reader extends string> {
  name: string;
  as: Reader;
  path: (fixtures: Fixtures) => string;
  submit?: Record<string, string>;
  status?: number;
}

export interface PageSuiteSetup<Fixtures, Reader extends string> {
  browser: Browser;
  baseUrl: string;
  fixtures: Fixtures;
  /** Each reader's account, or null for a visitor who is not signed in. */
  readers: Record<Reader, { email: string; password: string } | null>;
}

/**
 * Every page of `cases` in sq, en and vi, each reader in a phone-sized browser signed in once: the answer's
 * status, then what every page must pass (axe, reflow at 320 px, text at 200 %, weight). `setup` is read when
 * the suite runs, after the file's own `beforeAll` has booted the app.
 */
export const describeEveryPage = <Fixtures, Reader extends string>(
  title: string,
  cases: ReadonlyArray<PageCase<Fixtures, Reader>>,
  setup: () => PageSuiteSetup<Fixtures, Reader>
) => {
  describe.each(['sq', 'en', 'vi'])(`${title} in %s`, (lang) => {
    const contexts: BrowserContext[] = [];
    const pages = {} as Record<Reader, Page>;
    beforeAll(async () => {
      const { browser, baseUrl, readers } = setup();
      for (const [reader, person] of Object.entries(readers) as Array<[Reader, { email: string; password: string } | null]>) {
        const context = await newPortalContext(browser, baseUrl);
        contexts.push(context);
        if (person) await signInThroughForm(context, person);
        pages[reader] = await context.newPage();
      }
    });
    afterAll(() => Promise.all(contexts.map((context) => context.close())));

    it.each(cases as Array<PageCase<Fixtures, Reader>>)('$name: no axe violations, reflows at 320 px, light', async ({ as, path, submit, status = 200 }) => {
      const page = pages[as];
      const address = `/${lang}${path(setup().fixtures)}`;
      if (submit) await page.goto(address);
      const bytes = await transferredBytes(page, submit ? () => submitMainForm(page, submit) : address);
      expect(await statusOf(page)).toBe(status);
      await expectPageFitsEveryone(page, bytes, lang);
    });
  });
};
