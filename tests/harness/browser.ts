// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

/** Headless Chromium: the system's or @sparticuz/chromium's, found once in global setup (chromium-path.js). */
export const launchBrowser = () => {
  const executablePath = process.env.PARTICIPATION_CHROMIUM;
  if (!executablePath) throw new Error('PARTICIPATION_CHROMIUM is not set: run the suite through jest (global setup)');
  // Smooth scrolling animates a keyboard scroll over frames: off, so that a test sees where a key took it.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-smooth-scrolling'] });
};

/** A context of this browser on the app at `baseURL`, in a phone-sized window unless told otherwise. */
export const newPortalContext = (browser: Browser, baseURL: string, options: BrowserContextOptions = {}) =>
  browser.newContext({ baseURL, viewport: { width: 320, height: 640 }, ...options });

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the portal promises (issue #13, "Accessibility"). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with every violation axe finds on the page as loaded: rule, what it asks, and each element with why. */
export const expectNoAxeViolations = async (page: Page, { include }: { include?: string } = {}) => {
  // Violations only, and in the page itself (legacy mode: the portal has no frames, so axe need not open a
  // page of its own to join their results): each roughly halves axe's time on a page.
  let axe = new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).setLegacyMode(true);
  // `include` limits the check to a part of the page (the admin panel's plugin area, not Strapi's own chrome).
  if (include) axe = axe.include(include);
  const { violations } = await axe.analyze();
  if (violations.length === 0) return;
  const report = violations.map((violation) =>
    [
      `${violation.id} (${violation.impact}): ${violation.help} – ${violation.helpUrl}`,
      ...violation.nodes.map((node) => `  ${node.target.join(' ')}\n    ${node.html.slice(0, 300)}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
    ].join('\n')
  );
  throw new Error(`${page.url()}: ${violations.length} accessibility violation(s)\n${report.join('\n')}`);
};

/** What a first visit downloads before any image: the page, its stylesheet, scripts and fonts. */
const COUNTED_TYPES = new Set(['Document', 'Stylesheet', 'Script', 'Font', 'XHR', 'Fetch']);

/**
 * The bytes a page costs on the wire on a first visit (compressed bodies and headers, as Chromium's
 * network layer counts them, nothing from the cache), for the page that `navigate` (an address, or an
 * action such as submitting a form) ends on.
 */
export const transferredBytes = async (page: Page, navigate: string | (() => Promise<unknown>)) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending = new Set<string>();
  let bytes = 0;
  let settled = () => {};
  cdp.on('Network.responseReceived', ({ requestId, type }) => {
    if (COUNTED_TYPES.has(type)) pending.add(requestId);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (!pending.delete(requestId)) return;
    bytes += encodedDataLength;
    if (pending.size === 0) settled();
  });
  if (typeof navigate === 'string') await page.goto(navigate);
  else await navigate();
  await page.waitForLoadState('load');
  // The network events travel apart from the load event: wait for the last of them.
  if (pending.size > 0) await new Promise<void>((resolve) => (settled = resolve));
  await cdp.detach();
  if (bytes === 0) throw new Error(`${page.url()}: no response was counted`);
  return bytes;
};

/** Submits the page's main form after filling the named fields, and waits for the answer to load. */
export const submitMainForm = async (page: Page, fields: Record<string, string>) => {
  for (const [name, value] of Object.entries(fields)) await page.locator(`main [name="${name}"]`).fill(value);
  await Promise.all([page.waitForNavigation(), page.locator('main form[method="post"] button[type="submit"]').last().press('Enter')]);
};

/**
 * Elements that stick out of the viewport sideways, so that the page would scroll in two directions
 * (WCAG 1.4.10). What overflows inside a scrolling region (components/TableRegion) is allowed.
 */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    if (scrollWidth <= clientWidth) return null;
    const sticking = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => element.getBoundingClientRect().right > clientWidth + 1 && !element.parentElement?.closest('[role="region"]'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`);
    return `${scrollWidth} px wide in ${clientWidth} px: ${sticking.join(', ')}`;
  });

/** The page reflows at 320 CSS pixels: nothing but a scrolling region is wider than the screen. */
export const expectReflowAt320 = async (page: Page) => {
  const { width, height } = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  const overflowing = await horizontalOverflow(page);
  await page.setViewportSize({ width, height });
  if (overflowing) throw new Error(`${page.url()}: does not reflow at 320 px, ${overflowing}`);
};

/**
 * Text at 200 % on a 1280 px window (WCAG 1.4.4) still fits without scrolling sideways. Browser zoom to
 * 200 % is a 640 px viewport, which the 320 px check already covers.
 */
export const expectTextAt200Percent = async (page: Page) => {
  const { width, height } = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
  const overflowing = await horizontalOverflow(page);
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  await page.setViewportSize({ width, height });
  if (overflowing) throw new Error(`${page.url()}: text at 200 % sticks out, ${overflowing}`);
};

/**
 * The focused element: its accessible name as Chromium's accessibility tree gives it (via Playwright's
 * ARIA snapshot), and whether it shows that it has focus (an outline or a ring, WCAG 2.4.7).
 */
const focused = async (page: Page) => {
  // Whether anything has focus and whether it shows it, in one round trip: this runs after every Tab.
  const indicated = await page.evaluate(() => {
    const node = document.activeElement;
    if (!node || node === document.body) return null;
    const drawn = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none' ||
      (style.borderStyle !== 'none' && parseFloat(style.borderWidth) > 0 && style.content !== 'none' && style.content !== 'normal');
    // The element's own ring; a ring drawn by its ::after (the admin design system's buttons); or its
    // wrapper's (the design system's text inputs ring the box around the input, by :focus-within).
    return drawn(getComputedStyle(node)) || drawn(getComputedStyle(node, '::after')) || (node.parentElement !== null && getComputedStyle(node.parentElement).boxShadow !== 'none');
  });
  if (indicated === null) return null;
  const firstLine = (await page.locator('*:focus').ariaSnapshot()).split('\n')[0];
  const [, role = null, quoted] = /^- ([\w-]+) ("(?:[^"\\]|\\.)*")/.exec(firstLine) ?? [];
  return { role, name: quoted ? (JSON.parse(quoted) as string) : null, indicated, snapshot: firstLine };
};

/** How far a key may move focus before the element sought counts as out of its reach. */
type FocusSearch = { maxPresses?: number; role?: string };

/**
 * Presses `key` until the focused element has this accessible name (and role, when given); fails when
 * `maxPresses` did not reach it, when an element on the way hid its focus, or when focus fell off the page
 * (to the body) while moving inside a widget.
 */
const pressUntilFocused = async (page: Page, key: string, name: string | RegExp, { maxPresses = 150, role }: FocusSearch = {}) => {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press(key);
    const element = await focused(page);
    if (!element) {
      // Tab passes the browser's own chrome between the end and the start of the page; arrows never leave it.
      if (key === 'Tab') continue;
      throw new Error(`${page.url()}: ${key} dropped focus before reaching "${String(name)}"`);
    }
    if (!element.indicated) throw new Error(`${page.url()}: focus is invisible on ${element.snapshot}`);
    if (role && element.role !== role) continue;
    if (element.name !== null && (typeof name === 'string' ? element.name === name : name.test(element.name))) return;
  }
  throw new Error(`${page.url()}: ${key} never reached "${String(name)}"`);
};

/**
 * Presses Tab, as a keyboard user does, until the focused element has this accessible name; fails when
 * the whole page was tabbed through without reaching it, or when an element on the way hid its focus.
 * Keyboard tests move only with this, {@link arrowTo} and keys. `role` tells apart controls of the same
 * name (a menu link and a list box both called "Municipalities").
 */
export const tabTo = (page: Page, name: string | RegExp, search: FocusSearch = {}) => pressUntilFocused(page, 'Tab', name, search);

/**
 * Inside a composite widget with one tab stop (an ARIA grid: the admin design system's Table, where Tab
 * reaches only the current cell), presses an arrow key until the focused cell or control has this name, as
 * a keyboard user moves there. A grid's arrows stop at its edge: fewer presses than Tab needs are enough.
 */
export const arrowTo = (page: Page, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight', name: string | RegExp, { maxPresses = 50, role }: FocusSearch = {}) =>
  pressUntilFocused(page, key, name, { maxPresses, role });

/**
 * The languages the accessibility sweeps go through: all three on SQLite, Albanian alone on PostgreSQL. A
 * page's markup does not depend on the engine; what the engine changes (what is written and read back) the
 * keyboard flows and the HTTP suites check on both. This keeps the test run within CI's time.
 */
export const SWEEP_LANGUAGES: ReadonlyArray<'sq' | 'en' | 'vi'> = process.env.TEST_DATABASE_ENGINE === 'postgres' ? ['sq'] : ['sq', 'en', 'vi'];

/** The most a page may cost on a first visit, before images (issue #13: usable on a slow phone). */
export const PAGE_BYTES_BUDGET = 60_000;

/**
 * What every page in every state must pass, once loaded: no axe violation, reflow at 320 px, in English
 * also text at 200 %, and `bytes` (from {@link transferredBytes}) within the page-weight budget.
 */
export const expectPageFitsEveryone = async (page: Page, bytes: number, lang: string) => {
  await expectNoAxeViolations(page);
  await expectReflowAt320(page);
  if (lang === 'en') await expectTextAt200Percent(page);
  expect(bytes).toBeLessThanOrEqual(PAGE_BYTES_BUDGET);
};

/** The status of the answer the page shows (after redirects). */
export const statusOf = (page: Page) => page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStatus);

/** Presses Enter on the focused link or button and waits for the page it leads to. */
export const pressEnterAndLoad = async (page: Page) => {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
};

/** Tabs to the field with this name and types into it (Tab into a text field selects what it held: typing replaces it). */
export const typeInto = async (page: Page, label: string | RegExp, text: string) => {
  await tabTo(page, label);
  await page.keyboard.type(text);
};

/** Signs this context in through the English sign-in form: setup for a test, not under test (no keyboard rules). */
export const signInThroughForm = async (context: BrowserContext, person: { email: string; password: string }) => {
  const page = await context.newPage();
  await page.goto('/en/sign-in');
  await submitMainForm(page, { identifier: person.email, password: person.password });
  expect(new URL(page.url()).pathname).toBe('/en');
  await page.close();
};
