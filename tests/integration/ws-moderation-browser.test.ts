// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { bootWithMunicipality } from '../harness/fixtures';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { SWEEP_LANGUAGES, expectPageFitsEveryone, launchBrowser, newPortalContext, pressEnterAndLoad, signInThroughForm, statusOf, submitMainForm, tabTo, transferredBytes } from '../harness/browser';
import { seedCommunity } from '../../plugins/participation/server/demo/community';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';

/**
 * The moderation workspace in a real Chromium: every page in each state in sq, en and vi (axe, reflow at
 * 320 px, weight), and, with the keyboard alone and JavaScript off, the demo's moderator clears the
 * demo's reported post in Shkodër.
 */
interface Fixtures {
  /** A municipality whose queue has a hidden post, one hidden after reports and one only reported; a locked thread; a member suspended. */
  busy: string;
  forumId: string;
  openThread: string;
  lockedThread: string;
  reportedPost: string;
  moderatorsOwnPost: string;
  suspended: TestPerson;
}

interface PageCase {
  name: string;
  path: (fixtures: Fixtures) => string;
  submit?: Record<string, string>;
  status?: number;
}

const ws = (code: string) => `/workspace/${code}/moderation`;

const PAGES: PageCase[] = [
  { name: 'the demo’s queue with its reported post', path: () => ws('SHK') },
  { name: 'a queue with hidden, held and reported posts and a suspension, after an action', path: ({ busy }) => `${ws(busy)}?done=hidden` },
  { name: 'the queue form with errors', path: ({ busy }) => ws(busy), submit: { note: 'x'.repeat(501) }, status: 400 },
  { name: 'an empty queue', path: () => ws('WBE') },
  { name: 'locking a thread', path: ({ busy, openThread }) => `${ws(busy)}/threads/${openThread}` },
  { name: 'locking a thread, with errors', path: ({ busy, openThread }) => `${ws(busy)}/threads/${openThread}`, submit: {}, status: 400 },
  { name: 'unlocking a thread', path: ({ busy, lockedThread }) => `${ws(busy)}/threads/${lockedThread}` },
  { name: 'suspending a post’s author', path: ({ busy, reportedPost }) => `${ws(busy)}/posts/${reportedPost}/suspend` },
  { name: 'suspending, with errors', path: ({ busy, reportedPost }) => `${ws(busy)}/posts/${reportedPost}/suspend`, submit: { days: 'many' }, status: 400 },
  { name: 'one’s own post: no suspension', path: ({ busy, moderatorsOwnPost }) => `${ws(busy)}/posts/${moderatorsOwnPost}/suspend` },
  { name: 'lifting a suspension', path: ({ busy, forumId, suspended }) => `${ws(busy)}/forums/${forumId}/suspensions/${suspended.id}/lift` },
  { name: 'lifting, with errors', path: ({ busy, forumId, suspended }) => `${ws(busy)}/forums/${forumId}/suspensions/${suspended.id}/lift`, submit: { note: '<b>no</b>' }, status: 400 },
];

let app: TestApp;
let browser: Browser;
let moderator: TestPerson;
let fixtures: Fixtures;
let demoPost: string;

/** The busy municipality's forum, each state made through the services as the API would make it. */
const busyMunicipality = async (code: string): Promise<Fixtures> => {
  const forums = getService(app.strapi, 'forum');
  const moderation = getService(app.strapi, 'moderation');
  const staff = await createPerson(app.strapi, 'municipal-staff', [code]);
  const forum = await forums.createForum(code, { title: 'Town square' }, staff.id);
  const writer = await createPerson(app.strapi, 'citizen');
  const asWriter = { id: writer.id, username: writer.username, address: 'writer' };
  const open = await forums.createThread(forum.documentId, { title: 'Bus stops on the ring road', body: '<p>Two stops have no shelter.</p>' }, asWriter);
  const locked = await forums.createThread(forum.documentId, { title: 'Market days', body: '<p>Could the market open on Sundays?</p>' }, asWriter);
  await moderation.moderateThread(code, locked.documentId, { action: 'lock', reason: 'off-topic' }, moderator.id);
  const reply = (body: string) => forums.createPost(open.documentId, { body }, asWriter);
  const hidden = await reply('<p>Cheap watches at example.org</p>');
  const held = await reply('<p>You are all <em>idiots</em>.</p>');
  const reported = await reply('<p>The mayor lives at <strong>12 Rruga Marin Barleti</strong>.</p>');
  const reporters = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
  const report = (post: string, reason: 'spam' | 'abuse' | 'personal-data', index: number, note?: string) =>
    moderation.report(post, { reason, note }, { id: reporters[index].id, address: `reporter-${index}` });
  await report(hidden.documentId, 'spam', 0, 'The same advert is in every thread.');
  await moderation.moderatePost(code, hidden.documentId, { action: 'hide', reason: 'spam' }, moderator.id);
  // Two counted reports hide a post until a moderator decides (the threshold lowered for this forum's test).
  await report(held.documentId, 'abuse', 0);
  await report(held.documentId, 'abuse', 1, 'Insults');
  await report(reported.documentId, 'personal-data', 1, 'A home address');
  await moderation.suspend(code, forum.documentId, { userId: writer.id, days: 14, reason: 'abuse' }, moderator.id);
  const own = await forums.createPost(open.documentId, { body: '<p>Please keep to the topic.</p>' }, { id: moderator.id, username: moderator.username, address: 'moderator' });
  return { busy: code, forumId: forum.documentId, openThread: open.documentId, lockedThread: locked.documentId, reportedPost: reported.documentId, moderatorsOwnPost: own.documentId, suspended: writer };
};

beforeAll(async () => {
  browser = await launchBrowser();
  let staff: TestPerson;
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  await createMunicipality(app.strapi, 'WBX', 'Busy town');
  await createMunicipality(app.strapi, 'WBE', 'Quiet town');
  moderator = await createPerson(app.strapi, 'moderator', ['SHK', 'WBX', 'WBE']);
  const [citizen, facilitator] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'cso-facilitator', ['SHK'])];
  await seedCommunity(app.strapi, { citizen: citizen.id, facilitator: facilitator.id, staff: staff.id });
  const queue = await getService(app.strapi, 'moderation').queue('SHK');
  expect(queue).toHaveLength(1);
  demoPost = queue[0].post.documentId;
  app.strapi.config.set('plugin::participation.forum.reportsToHide', 2);
  app.strapi.config.set('plugin::participation.forum.countedReporters', { minAccountAgeDays: 0, minVisiblePosts: 0 });
  fixtures = await busyMunicipality('WBX');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const t = translatorFor('en').t;

describe.each(SWEEP_LANGUAGES)('every moderation page in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl);
    await signInThroughForm(context, moderator);
    page = await context.newPage();
  });
  afterAll(() => context.close());

  it.each(PAGES)('$name: no axe violations, reflows at 320 px, light', async ({ path, submit, status = 200 }) => {
    const address = `/${lang}${path(fixtures)}`;
    if (submit) await page.goto(address);
    const bytes = await transferredBytes(page, submit ? () => submitMainForm(page, submit) : address);
    expect(await statusOf(page)).toBe(status);
    await expectPageFitsEveryone(page, bytes, lang);
  });
});

describe('with the keyboard alone, JavaScript off', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    await signInThroughForm(context, moderator);
  });
  afterAll(() => context.close());

  it('clears the demo’s reported post: restored with a reason, out of the queue, counted in the public record', async () => {
    const page = await context.newPage();
    await page.goto('/en/workspace/SHK');
    await tabTo(page, t('workspace.tool.moderation.title'));
    await pressEnterAndLoad(page);
    expect(new URL(page.url()).pathname).toBe('/en/workspace/SHK/moderation');
    // The report's reason and note are shown; the reporter (the demo's facilitator) is not.
    await expect(page.locator('main').textContent()).resolves.toContain('Some of the photos may show neighbours’ faces and house numbers.');

    await tabTo(page, /^Post 2 by /);
    await page.keyboard.press('Space');
    await tabTo(page, t('wsModeration.action.hide'));
    // Arrow keys move within a radio group, and choose.
    await page.keyboard.press('ArrowDown');
    await tabTo(page, t('wsModeration.reasonLabel'));
    // A closed select steps through its options with the arrow keys.
    for (let presses = 0; presses < 10 && (await page.locator('#reason').inputValue()) !== 'resolved'; presses += 1) await page.keyboard.press('ArrowDown');
    await tabTo(page, t('wsModeration.noteLabel'));
    await page.keyboard.type('Checked the photos: no faces or house numbers can be read.');
    await tabTo(page, t('wsModeration.apply'));
    await pressEnterAndLoad(page);

    expect(page.url()).toContain('?done=restored');
    await expect(page.locator('main [role="status"]').textContent()).resolves.toBe(t('wsModeration.done.restored'));
    await expect(page.locator('main').textContent()).resolves.toContain(t('wsModeration.queueEmpty'));
    const row = await app.strapi.db.connection('participation_forum_posts').where({ document_id: demoPost }).first('visibility', 'report_count');
    expect(row).toMatchObject({ visibility: 'visible' });
    expect(Number(row.report_count)).toBe(0);

    await tabTo(page, t('wsModeration.recordLink', { municipality: 'Shkodër' }));
    await pressEnterAndLoad(page);
    await expect(page.locator('main').textContent()).resolves.toContain(t('moderation.action.restore'));
  });
});
