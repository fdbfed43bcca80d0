// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import { launchBrowser, newPortalContext, pressEnterAndLoad, tabTo, typeInto } from '../harness/browser';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';
import { describeEveryPage, describeKeyboardRuns, type PageCase } from '../harness/page-suite';

/** What the forum pages show: made once in beforeAll, read by the FORUM_PAGES table's paths. */
interface Fixtures {
  forum: string;
  emptyForum: string;
  /** Thirty posts (two pages), one hidden by a moderator, one a reply to a post on the page before. */
  thread: string;
  lockedThread: string;
  /** A post by someone else than the reader, and one by the reader. */
  othersPost: string;
  ownPost: string;
}

/** Nobody signed in; a citizen who posted, reacted and follows; a citizen suspended from the forum. */
type Reader = 'visitor' | 'member' | 'suspended';

/** Every forum page in each of its states, checked in sq, en and vi for axe, reflow at 320 px and weight. */
const FORUM_PAGES: Array<PageCase<Fixtures, Reader>> = [
  { name: 'forums of a municipality', as: 'visitor', path: () => '/municipalities/SHK/forums' },
  { name: 'forums of a municipality with none', as: 'visitor', path: () => '/municipalities/EMP/forums' },
  { name: 'a forum’s threads', as: 'member', path: ({ forum }) => `/forums/${forum}` },
  { name: 'a forum without threads', as: 'visitor', path: ({ emptyForum }) => `/forums/${emptyForum}` },
  { name: 'start a thread', as: 'member', path: ({ forum }) => `/forums/${forum}/threads/new` },
  { name: 'start a thread with errors', as: 'member', path: ({ forum }) => `/forums/${forum}/threads/new`, submit: { title: '', body: '' }, status: 400 },
  { name: 'start a thread while suspended', as: 'suspended', path: ({ forum }) => `/forums/${forum}/threads/new` },
  { name: 'thread, signed out', as: 'visitor', path: ({ thread }) => `/threads/${thread}` },
  { name: 'thread, signed in, following, reacted', as: 'member', path: ({ thread }) => `/threads/${thread}?done=posted` },
  { name: 'thread, second page with a hidden post and a reply', as: 'member', path: ({ thread }) => `/threads/${thread}?page=2` },
  { name: 'thread, replying to a post', as: 'member', path: ({ thread }) => `/threads/${thread}?replyTo=2` },
  { name: 'thread, an empty post refused', as: 'member', path: ({ thread }) => `/threads/${thread}?page=2`, submit: { body: '' }, status: 400 },
  { name: 'thread, locked', as: 'member', path: ({ lockedThread }) => `/threads/${lockedThread}` },
  { name: 'thread, suspended from the forum', as: 'suspended', path: ({ thread }) => `/threads/${thread}` },
  { name: 'report a post', as: 'member', path: ({ othersPost }) => `/posts/${othersPost}/report` },
  { name: 'report a post with errors', as: 'member', path: ({ othersPost }) => `/posts/${othersPost}/report`, submit: { note: 'x'.repeat(501) }, status: 400 },
  { name: 'report one’s own post', as: 'member', path: ({ ownPost }) => `/posts/${ownPost}/report`, status: 400 },
  { name: 'moderation record', as: 'visitor', path: () => '/municipalities/SHK/moderation' },
  { name: 'moderation record with no actions', as: 'visitor', path: () => '/municipalities/EMP/moderation' },
  { name: 'a person’s posts', as: 'visitor', path: () => `/people/${member.username}` },
  { name: 'a person without posts', as: 'visitor', path: () => '/people/nobody-here' },
];


let app: TestApp;
let browser: Browser;
let opener: TestPerson;
let member: TestPerson;
let suspended: TestPerson;
let moderator: TestPerson;
const fixtures = {} as Fixtures;

const service = (name: 'forum' | 'moderation') => app.strapi.plugin('participation').service(name);
const posterOf = (person: TestPerson) => ({ id: person.id, username: person.username, address: 'test' });
let counter = 0;
const words = (text: string) => `<p>${text} (${++counter})</p>`;

/** A new thread by `opener` in the test forum. */
const openThread = async (title: string) => (await service('forum').createThread(fixtures.forum, { title, body: words('The path along the castle is dark at night.') }, posterOf(opener))).documentId as string;

beforeAll(async () => {
  browser = await launchBrowser();
  let staff: TestPerson;
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerUser', 10_000);
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
  await createMunicipality(app.strapi, 'EMP', 'Vau i Dejës');
  [opener, member, suspended] = await Promise.all([createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'citizen')]);
  moderator = await createPerson(app.strapi, 'moderator', ['SHK']);
  const forums = service('forum');
  fixtures.forum = (await forums.createForum('SHK', { title: 'Sheshi i qytetit – town square', description: 'Ideas and questions about the city.' }, staff.id)).documentId;
  fixtures.emptyForum = (await forums.createForum('SHK', { title: 'Youth services' }, staff.id)).documentId;
  fixtures.thread = await openThread('Lights in Rozafa park');
  for (let i = 2; i <= 30; i += 1) {
    const by = i % 3 === 0 ? member : opener;
    const reply = i === 28 ? { replyToPosition: 2 } : {};
    const body = i === 5 ? `<p>Thanks @${member.username}, see <a href="https://example.org/rozafa">the photos</a>.</p><ul><li>one</li><li>two</li></ul>` : words(`Post number ${i}`);
    const post = await forums.createPost(fixtures.thread, { body, ...reply }, posterOf(by));
    if (i === 2) fixtures.othersPost = post.documentId;
    if (i === 3) fixtures.ownPost = post.documentId;
    if (i === 27) await service('moderation').moderatePost('SHK', post.documentId, { action: 'hide', reason: 'personal-data' }, moderator.id);
  }
  await forums.react(fixtures.othersPost, 'like', member.id, true);
  await forums.follow(fixtures.thread, member.id, true);
  fixtures.lockedThread = await openThread('Closed topic');
  await service('moderation').moderateThread('SHK', fixtures.lockedThread, { action: 'lock', reason: 'resolved' }, moderator.id);
  await service('moderation').suspend('SHK', fixtures.forum, { userId: suspended.id, days: 7, reason: 'abuse' }, moderator.id);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const t = translatorFor('en').t;

describeEveryPage('every forum page', FORUM_PAGES, () => ({ browser, baseUrl: app.baseUrl, fixtures, readers: { visitor: null, member, suspended } }));

describeKeyboardRuns(() => ({ browser, app }), ({ javaScriptEnabled, context }) => {
  it('starts a thread, replies, reacts, follows and reports', async () => {
    const page = await context().newPage();
    await page.goto(`/en/forums/${fixtures.forum}`);
    await tabTo(page, t('forum.newThread'));
    await pressEnterAndLoad(page);
    const title = `Benches on the promenade, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
    await typeInto(page, t('newThread.titleLabel'), title);
    await typeInto(page, t('post.label'), 'Older people need somewhere to rest.');
    await tabTo(page, t('newThread.submit'));
    await pressEnterAndLoad(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    expect(page.url()).toContain('done=posted');

    // In a thread someone else started: follow it and stop, react to its first post and reply to it.
    const threadId = await openThread(`Rubbish collection, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`);
    await page.goto(`/en/threads/${threadId}`);
    await tabTo(page, t('thread.follow'));
    await pressEnterAndLoad(page);
    await expect(page.getByRole('button', { name: t('thread.unfollow') }).count()).resolves.toBe(1);
    await tabTo(page, t('thread.unfollow'));
    await pressEnterAndLoad(page);
    await expect(page.getByRole('button', { name: t('thread.follow') }).count()).resolves.toBe(1);

    await tabTo(page, t('reaction.button', { kind: t('reaction.support'), count: 0 }));
    await pressEnterAndLoad(page);
    await expect(page.locator('#post-1 button[aria-pressed="true"]').textContent()).resolves.toBe(t('reaction.button', { kind: t('reaction.support'), count: 1 }));

    await tabTo(page, `${t('post.reply')} ${t('post.replyTo', { position: 1, author: opener.username })}`);
    await pressEnterAndLoad(page);
    await typeInto(page, t('post.replyLabel', { position: 1, author: opener.username }), 'The bins on my street are full by Monday.');
    await tabTo(page, t('post.submitReply'));
    await pressEnterAndLoad(page);
    expect(page.url()).toContain('#post-2');
    await expect(page.locator('#post-2').textContent()).resolves.toContain(t('post.inReplyTo', { position: 1, author: opener.username }));

    await page.goto(`/en/threads/${threadId}`);
    await tabTo(page, `${t('post.report')} ${t('post.number', { position: 1 })}`);
    await pressEnterAndLoad(page);
    // Tab stops once in a group of radios; the arrow keys choose within it.
    await tabTo(page, t('report.reason.spam'));
    await page.keyboard.press('ArrowDown');
    await typeInto(page, t('report.noteLabel'), 'Not about the bins.');
    await tabTo(page, t('report.submit'));
    await pressEnterAndLoad(page);
    expect(page.url()).toContain('done=reported');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('thread.done.reported'));
    await page.close();
  });
});

describe('live news of a thread, JavaScript on', () => {
  it('announces a new post politely, with a link to read the page again', async () => {
    const context = await newPortalContext(browser, app.baseUrl, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const threadId = await openThread('Live thread');
    await page.goto(`/en/threads/${threadId}`);
    const region = page.locator('[data-live-rooms]');
    await expect(region.getAttribute('aria-live')).resolves.toBe('polite');
    // The client has joined the room once its script has loaded and connected.
    await page.waitForFunction(() => 'io' in window);
    await page.waitForTimeout(500);
    await service('forum').createPost(threadId, { body: words('Fresh news') }, posterOf(member));
    await page.waitForFunction((text) => document.querySelector('[data-live-rooms]')?.textContent === text, t('thread.live.newPost'), { timeout: 10_000 });
    await expect(page.locator('[data-live-reload]').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
