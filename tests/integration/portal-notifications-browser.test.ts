// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { PAGE_BYTES_BUDGET, SWEEP_LANGUAGES, expectNoAxeViolations, expectReflowAt320, launchBrowser, newPortalContext, signInThroughForm, statusOf, tabTo, transferredBytes } from '../harness/browser';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';
import { signUnsubscribeToken } from '../../plugins/participation/server/src/domain/notifications/unsubscribe-token';

/**
 * The notifications pages, the person's activity and following a round: in sq, en and vi with axe, reflow
 * at 320 px and page weight; and with JavaScript off, marking read and unsubscribing by the page's form.
 */
interface Fixtures {
  round: string;
  token: string;
}
type Reader = 'visitor' | 'reader' | 'newcomer';

const PAGES: Array<{ name: string; as: Reader; path: (f: Fixtures) => string; status?: number }> = [
  { name: 'notifications', as: 'reader', path: () => '/account/notifications' },
  { name: 'notifications, none yet', as: 'newcomer', path: () => '/account/notifications' },
  { name: 'notification settings', as: 'reader', path: () => '/account/notifications/settings' },
  { name: 'notification settings, saved', as: 'reader', path: () => '/account/notifications/settings?saved=1' },
  { name: 'your activity', as: 'reader', path: () => '/account/activity' },
  { name: 'your activity, nothing yet', as: 'newcomer', path: () => '/account/activity' },
  { name: 'follow a round', as: 'reader', path: ({ round }) => `/rounds/${round}/follow` },
  { name: 'unsubscribe, asking', as: 'visitor', path: ({ token }) => `/unsubscribe/${token}` },
  { name: 'unsubscribe, a forged link', as: 'visitor', path: () => '/unsubscribe/1.reply.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', status: 404 },
];

let app: TestApp;
let browser: Browser;
const people = {} as Record<'reader' | 'newcomer' | 'replier', TestPerson>;
const fixtures = {} as Fixtures;
const t = translatorFor('en').t;

beforeAll(async () => {
  browser = await launchBrowser();
  const { app: booted, staff } = await bootWithMunicipality('SHK', 'Shkodër');
  app = booted;
  for (const name of ['reader', 'newcomer', 'replier'] as const) people[name] = await createPerson(app.strapi, 'citizen');
  const service = (name: string) => app.strapi.plugin('participation').service(name);
  const poster = (person: TestPerson) => ({ id: person.id, username: person.username, address: '127.0.0.1' });
  // A thread the reader opened and follows, a reply to it and a mention: notifications of two kinds.
  const forum = await service('forum').createForum('SHK', { title: 'Town square' }, staff.id);
  const thread = await service('forum').createThread(forum.documentId, { title: 'Lights in Rozafa park', body: '<p>The park is dark at night.</p>' }, poster(people.reader));
  await service('forum').follow(thread.documentId, people.reader.id, true);
  await service('forum').createPost(thread.documentId, { body: '<p>Agreed.</p>', replyToPosition: 1 }, poster(people.replier));
  await service('forum').createPost(thread.documentId, { body: `<p>@${people.reader.username} what about the benches?</p>` }, poster(people.replier));
  fixtures.round = await createRound(app.strapi, 'SHK', { phase: 'proposals', title: 'Shkodër decides 2026' });
  await service('notifications').followRound(fixtures.round, people.reader.id, true);
  await createProposal(app.strapi, fixtures.round, 'SHK', { title: 'Home visits for older people', authorId: people.reader.id });
  fixtures.token = signUnsubscribeToken(`participation-unsubscribe:${(app.strapi.config.get('server.app.keys') as string[])[0]}`, people.reader.id, 'thread-post');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.each(SWEEP_LANGUAGES)('the notification pages in %s', (lang) => {
  const contexts: BrowserContext[] = [];
  const pages = {} as Record<Reader, Page>;
  beforeAll(async () => {
    for (const reader of ['visitor', 'reader', 'newcomer'] as const) {
      const context = await newPortalContext(browser, app.baseUrl);
      contexts.push(context);
      if (reader !== 'visitor') await signInThroughForm(context, people[reader]);
      pages[reader] = await context.newPage();
    }
  });
  afterAll(() => Promise.all(contexts.map((context) => context.close())));

  it.each(PAGES)('$name: no axe violations, reflows at 320 px, light', async ({ as, path, status = 200 }) => {
    const page = pages[as];
    const bytes = await transferredBytes(page, `/${lang}${path(fixtures)}`);
    expect(await statusOf(page)).toBe(status);
    await expectNoAxeViolations(page);
    await expectReflowAt320(page);
    expect(bytes).toBeLessThanOrEqual(PAGE_BYTES_BUDGET);
  });

  it('shows a settings form sent with a language not offered with its error beside the field', async () => {
    const page = pages.reader;
    await page.goto(`/${lang}/account/notifications/settings`);
    await page.locator('main select[name="language"]').evaluate((select: HTMLSelectElement) => {
      select.add(new Option('forged', 'xx'));
      select.value = 'xx';
    });
    await Promise.all([page.waitForNavigation(), page.locator('main form[method="post"] button[type="submit"]').press('Enter')]);
    expect(await statusOf(page)).toBe(400);
    await expect(page.locator('.error-summary a[href="#language"]').count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  });
});

describe('with the keyboard alone and JavaScript off', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => context.close());

  it('marks the notifications read, and unsubscribes from the mail link’s page', async () => {
    await signInThroughForm(context, people.reader);
    const page = await context.newPage();
    await page.goto('/en/account/notifications');
    await expect(page.locator('.notification--unread').count()).resolves.toBeGreaterThan(0);
    await tabTo(page, t('notifications.markAllRead'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(page.locator('.notification--unread').count()).resolves.toBe(0);

    const visitor = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled: false });
    try {
      const unsubscribe = await visitor.newPage();
      await unsubscribe.goto(`/en/unsubscribe/${fixtures.token}`);
      await tabTo(unsubscribe, t('unsubscribe.confirm'));
      await Promise.all([unsubscribe.waitForNavigation(), unsubscribe.keyboard.press('Enter')]);
      await expect(unsubscribe.locator('main [role="status"]').textContent()).resolves.toContain(t('notify.kind.thread-post'));
    } finally {
      await visitor.close();
    }
    const settings = await app.strapi.plugin('participation').service('notifications').settings(people.reader.id);
    expect(settings.kinds.find((entry: { kind: string }) => entry.kind === 'thread-post')).toEqual({ kind: 'thread-post', email: false, portal: true });
  });
});
