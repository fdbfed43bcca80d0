import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SWEEP_LANGUAGES, expectPageFitsEveryone, newPortalContext, signInThroughForm, statusOf, submitMainForm, transferredBytes } from './browser';
import type { TestApp } from './app';
import { createPerson, type TestPerson } from './people';

/**
 * One page in one state: who reads it, where, optionally a form sent with these fields (or sent by a
 * function, for a form with choices to tick), and the status it answers with.
 */
export interface PageCase<Fixtures, Reader extends string> {
  name: string;
  as: Reader;
  path: (fixtures: Fixtures) => string;
  submit?: Record<string, string> | ((page: Page) => Promise<unknown>);
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
  describe.each(SWEEP_LANGUAGES)(`${title} in %s`, (lang) => {
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
      const bytes = await transferredBytes(page, submit ? () => (typeof submit === 'function' ? submit(page) : submitMainForm(page, submit)) : address);
      expect(await statusOf(page)).toBe(status);
      await expectPageFitsEveryone(page, bytes, lang);
    });
  });
};

/** What each keyboard-only run gives its tests: whether scripts run, and its own signed-in citizen's browser. */
export interface KeyboardRun {
  javaScriptEnabled: boolean;
  context: () => BrowserContext;
  person: () => TestPerson;
}

/**
 * The keyboard-only flows of a suite, run twice, with JavaScript on and off: each run in a desktop-sized
 * browser of its own where a new citizen has signed in through the form.
 */
export const describeKeyboardRuns = (setup: () => { browser: Browser; app: TestApp }, tests: (run: KeyboardRun) => void) =>
  describe.each([
    ['on', true],
    ['off', false],
  ])('with the keyboard alone, JavaScript %s', (_, javaScriptEnabled) => {
    let context: BrowserContext;
    let person: TestPerson;
    beforeAll(async () => {
      const { browser, app } = setup();
      context = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled, viewport: { width: 1280, height: 800 } });
      person = await createPerson(app.strapi, 'citizen');
      await signInThroughForm(context, person);
    });
    afterAll(() => context.close());
    tests({ javaScriptEnabled, context: () => context, person: () => person });
  });
