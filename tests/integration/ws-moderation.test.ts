import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { portalClient, signedInPortalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';

/**
 * The moderators' workspace (issue #15, item 10) without JavaScript: the queue shows reports' reasons and
 * notes but never who reported; hide or restore several posts at once, lock a thread, suspend a post's
 * author and lift it; bad input comes back as the form with the error beside its field and nothing
 * written; every page is refused to other roles and to moderators of other municipalities, and a record
 * of another municipality reached by id is not found.
 */
let app: TestApp;
const A = 'WMA';
const B = 'WMB';
const people = {} as Record<'moderatorA' | 'moderatorB' | 'staffA' | 'citizen' | 'reporter' | 'reporter2', TestPerson>;

interface ForumFixture {
  forumId: string;
  threadId: string;
  /** Posts 2 and 3 of the thread, each reported. */
  posts: string[];
  /** Who wrote the thread and its posts (each person may post only a few times a minute: one author per forum). */
  author: TestPerson;
}

let bodies = 0;
/** A forum in the municipality with a thread and two reported replies by a new author. */
const reportedForum = async (code: string): Promise<ForumFixture> => {
  const forums = getService(app.strapi, 'forum');
  const person = await createPerson(app.strapi, 'citizen');
  const author = { id: person.id, username: person.username, address: `ws-moderation-${code}` };
  const forum = await forums.createForum(code, { title: `Town square ${code}` }, people.staffA.id);
  const thread = await forums.createThread(forum.documentId, { title: `Park lights ${code}`, body: `<p>Opening post ${(bodies += 1)}</p>` }, author);
  const posts: string[] = [];
  for (const text of ['Buy cheap watches at example.org', 'My neighbour lives at 12 Rruga Marin Barleti']) {
    const post = await forums.createPost(thread.documentId, { body: `<p>${text} (${(bodies += 1)})</p>` }, author);
    posts.push(post.documentId);
  }
  const moderation = getService(app.strapi, 'moderation');
  await moderation.report(posts[0], { reason: 'spam', note: 'Same advert in three threads' }, { id: people.reporter.id, address: 'reporter' });
  await moderation.report(posts[0], { reason: 'off-topic' }, { id: people.reporter2.id, address: 'reporter2' });
  await moderation.report(posts[1], { reason: 'personal-data', note: 'Shows a home address' }, { id: people.reporter.id, address: 'reporter' });
  return { forumId: forum.documentId, threadId: thread.documentId, posts, author: person };
};

let forumA: ForumFixture;
let forumB: ForumFixture;

beforeAll(async () => {
  app = await bootApp();
  // Many reports and posts from the test's few addresses; the per-person limits stay as shipped.
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
  app.strapi.config.set('plugin::participation.forum.rateLimits.reportsPerHourPerAddress', 10_000);
  await createMunicipality(app.strapi, A, 'Moderation A');
  await createMunicipality(app.strapi, B, 'Moderation B');
  people.moderatorA = await createPerson(app.strapi, 'moderator', [A]);
  people.moderatorB = await createPerson(app.strapi, 'moderator', [B]);
  people.staffA = await createPerson(app.strapi, 'municipal-staff', [A]);
  people.citizen = await createPerson(app.strapi, 'citizen');
  people.reporter = await createPerson(app.strapi, 'citizen');
  people.reporter2 = await createPerson(app.strapi, 'citizen');
  forumA = await reportedForum(A);
  forumB = await reportedForum(B);
});
afterAll(() => app?.close());

const queuePath = (code: string) => `/en/workspace/${code}/moderation`;
const postRow = (documentId: string) => app.strapi.db.connection('participation_forum_posts').where({ document_id: documentId }).first('visibility', 'hidden_reason', 'report_count');
const loggedActions = async (code: string) => Number((await app.strapi.db.connection('participation_moderation_actions').where({ municipality_code: code }).whereNot({ action: 'auto-hide' }).count({ n: '*' }))[0].n);

describe('the moderation queue', () => {
  it('shows each reported post with its reports’ reasons and notes, never who reported, and links to the public record', async () => {
    const moderator = await signedInPortalClient(app, people.moderatorA);
    const page = await moderator.get(queuePath(A));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(page.body).toContain('Buy cheap watches at example.org');
    expect(page.body).toContain('Spam or advertising');
    expect(page.body).toContain('Same advert in three threads');
    expect(page.body).toContain('Shows a home address');
    expect(page.body).toContain(`href="/en/municipalities/${A}/moderation"`);
    for (const post of forumA.posts) expect(page.body).toContain(`value="${post}"`);
    // The author is named (whom a suspension would bar); the reporters never are.
    expect(page.body).toContain(forumA.author.username);
    for (const reporter of [people.reporter, people.reporter2]) {
      expect(page.body).not.toContain(reporter.username);
      expect(page.body).not.toContain(reporter.email);
    }
    // Only this municipality's queue.
    for (const post of forumB.posts) expect(page.body).not.toContain(post);
  });
});

describe('access', () => {
  const pages = () => [
    queuePath(A),
    `${queuePath(A)}/threads/${forumA.threadId}`,
    `${queuePath(A)}/posts/${forumA.posts[0]}/suspend`,
    `${queuePath(A)}/forums/${forumA.forumId}/suspensions/${forumA.author.id}/lift`,
  ];
  const forms = () => [`${queuePath(A)}/posts`, `${queuePath(A)}/threads/${forumA.threadId}`, `${queuePath(A)}/posts/${forumA.posts[0]}/suspend`, `${queuePath(A)}/forums/${forumA.forumId}/suspensions/${forumA.author.id}/lift`];

  it.each([
    ['staff of the municipality', 'staffA'],
    ['a moderator of another municipality', 'moderatorB'],
    ['a citizen', 'citizen'],
  ] as const)('refuses every page and form to %s', async (_, who) => {
    const client = await signedInPortalClient(app, people[who]);
    for (const path of pages()) expect([path, (await client.get(path)).status]).toEqual([path, 403]);
    await client.get('/en/workspace');
    for (const path of forms()) {
      const answer = await client.post(path, { postIds: forumA.posts[0], action: 'hide', reason: 'spam', days: '3', note: '' });
      expect([path, answer.status]).toEqual([path, 403]);
    }
    expect(await postRow(forumA.posts[0])).toMatchObject({ visibility: 'visible' });
  });

  it('sends a signed-out visitor to sign in', async () => {
    const visitor = portalClient(app);
    const answer = await visitor.get(queuePath(A));
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/en/sign-in?returnTo=${encodeURIComponent(`/workspace/${A}/moderation`)}`);
  });

  it('does not find a post, thread or forum of another municipality through this one’s pages, and writes nothing', async () => {
    const moderator = await signedInPortalClient(app, people.moderatorA);
    expect((await moderator.get(`${queuePath(A)}/threads/${forumB.threadId}`)).status).toBe(404);
    expect((await moderator.get(`${queuePath(A)}/posts/${forumB.posts[0]}/suspend`)).status).toBe(404);
    expect((await moderator.get(`${queuePath(A)}/forums/${forumB.forumId}/suspensions/${forumB.author.id}/lift`)).status).toBe(404);
    await moderator.get(queuePath(A));
    const before = await loggedActions(A);
    // One post of A with one of B: the whole step is refused, A's post included.
    const mixed = await moderator.post(`${queuePath(A)}/posts`, { postIds: [forumA.posts[0], forumB.posts[0]], action: 'hide', reason: 'spam', note: '' });
    expect(mixed.status).toBe(404);
    const lone = await moderator.post(`${queuePath(A)}/posts`, { postIds: [forumB.posts[1]], action: 'hide', reason: 'spam', note: '' });
    expect(lone.status).toBe(404);
    await moderator.get(queuePath(A));
    expect((await moderator.post(`${queuePath(A)}/threads/${forumB.threadId}`, { reason: 'off-topic', note: '' })).status).toBe(404);
    expect((await moderator.post(`${queuePath(A)}/posts/${forumB.posts[0]}/suspend`, { days: '3', reason: 'spam', note: '' })).status).toBe(404);
    expect(await postRow(forumA.posts[0])).toMatchObject({ visibility: 'visible' });
    expect(await postRow(forumB.posts[0])).toMatchObject({ visibility: 'visible' });
    expect(await postRow(forumB.posts[1])).toMatchObject({ visibility: 'visible' });
    expect(await loggedActions(A)).toBe(before);
    expect(await loggedActions(B)).toBe(0);
    expect(await getService(app.strapi, 'moderation').activeSuspension(forumB.forumId, forumB.author.id)).toBeNull();
  });
});

/** The field's error message beside it (FieldParts: `<p id="<field>-error">`), or null. */
const errorBeside = (body: string, field: string) => {
  const match = new RegExp(`id="${field}-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]*)<`).exec(body);
  return match ? match[1].trim() : null;
};

describe('bad input', () => {
  let moderator: Awaited<ReturnType<typeof signedInPortalClient>>;
  beforeAll(async () => {
    moderator = await signedInPortalClient(app, people.moderatorA);
  });

  it('returns the queue form with each problem beside its field, values kept, and writes nothing', async () => {
    await moderator.get(queuePath(A));
    const before = await loggedActions(A);
    const none = await moderator.post(`${queuePath(A)}/posts`, { action: 'hide', reason: 'spam', note: 'kept note' });
    expect(none.status).toBe(400);
    expect(errorBeside(none.body, 'postIds')).toBe('Select at least one post');
    expect(none.body).toContain('href="#postIds"');
    expect(none.body).toContain('kept note');

    const bad = await moderator.post(`${queuePath(A)}/posts`, { postIds: forumA.posts[0], action: 'delete', reason: 'because', note: 'x'.repeat(501) });
    expect(bad.status).toBe(400);
    expect(errorBeside(bad.body, 'action')).toBe('Choose whether to hide or restore the selected posts');
    expect(errorBeside(bad.body, 'reason')).toBe('Choose a reason');
    expect(errorBeside(bad.body, 'note')).toBe('Write at most 500 characters of plain text');
    expect(errorBeside(bad.body, 'postIds')).toBeNull();
    // The chosen post stays chosen.
    expect(bad.body).toContain(`checked="" value="${forumA.posts[0]}"`);
    expect(bad.body).not.toContain(`checked="" value="${forumA.posts[1]}"`);

    const markup = await moderator.post(`${queuePath(A)}/posts`, { postIds: forumA.posts[0], action: 'hide', reason: 'spam', note: '<script>x</script>' });
    expect(markup.status).toBe(400);
    expect(errorBeside(markup.body, 'note')).toBe('Write at most 500 characters of plain text');
    expect(await loggedActions(A)).toBe(before);
    expect(await postRow(forumA.posts[0])).toMatchObject({ visibility: 'visible' });
  });

  it('refuses a suspension without a good number of days or a reason, beside the field', async () => {
    const path = `${queuePath(A)}/posts/${forumA.posts[1]}/suspend`;
    for (const days of ['', 'seven', '0', '366', '2.5', '-1']) {
      await moderator.get(path);
      const answer = await moderator.post(path, { days, reason: 'abuse', note: '' });
      expect([days, answer.status]).toEqual([days, 400]);
      expect(errorBeside(answer.body, 'days')).toBe('Enter a whole number of days from 1 to 365');
    }
    await moderator.get(path);
    const noReason = await moderator.post(path, { days: '3', reason: 'resolved', note: '' });
    expect(noReason.status).toBe(400);
    expect(errorBeside(noReason.body, 'reason')).toBe('Choose why the member is suspended');
    expect(noReason.body).toContain('value="3"');
    expect(await getService(app.strapi, 'moderation').activeSuspension(forumA.forumId, forumA.author.id)).toBeNull();
  });

  it('refuses a thread step without a known reason, and a lift without one', async () => {
    const path = `${queuePath(A)}/threads/${forumA.threadId}`;
    await moderator.get(path);
    const answer = await moderator.post(path, { reason: 'I said so', note: '' });
    expect(answer.status).toBe(400);
    expect(errorBeside(answer.body, 'reason')).toBe('Choose a reason');
    expect((await getService(app.strapi, 'forum').findThread(forumA.threadId)).locked).toBe(false);

    // A lift needs a suspension to lift: there is none yet.
    expect((await moderator.get(`${queuePath(A)}/forums/${forumA.forumId}/suspensions/${forumA.author.id}/lift`)).status).toBe(404);
    expect((await moderator.get(`${queuePath(A)}/forums/${forumA.forumId}/suspensions/not-a-number/lift`)).status).toBe(404);
  });
});

describe('moderating', () => {
  it('hides two posts at once, restores one, and the public record counts each', async () => {
    // A municipality of the test's own: the public record's counts start from nothing.
    const code = 'WMC';
    await createMunicipality(app.strapi, code, 'Moderation C');
    const moderatorPerson = await createPerson(app.strapi, 'moderator', [code]);
    const fixture = await reportedForum(code);
    const moderator = await signedInPortalClient(app, moderatorPerson);
    await moderator.get(queuePath(code));
    const hide = await moderator.post(`${queuePath(code)}/posts`, { postIds: fixture.posts, action: 'hide', reason: 'spam', note: 'Advert and an address' });
    expect(hide.status).toBe(303);
    expect(hide.location).toBe(`${queuePath(code)}?done=hidden`);
    for (const post of fixture.posts) expect(await postRow(post)).toMatchObject({ visibility: 'hidden', hidden_reason: 'spam' });
    const after = await moderator.get(hide.location!);
    expect(after.body).toContain('The selected posts are hidden.');
    expect(after.body).toContain('Hidden by a moderator (Spam or advertising).');

    const restore = await moderator.post(`${queuePath(code)}/posts`, { postIds: fixture.posts[1], action: 'restore', reason: 'resolved', note: '' });
    expect(restore.location).toBe(`${queuePath(code)}?done=restored`);
    expect(await postRow(fixture.posts[1])).toMatchObject({ visibility: 'visible', report_count: 0 });
    // Restored: no longer waiting in the queue.
    expect((await moderator.get(queuePath(code))).body).not.toContain(`value="${fixture.posts[1]}"`);

    const record = await getService(app.strapi, 'moderation').summary(code);
    expect(record.actions).toEqual([
      { action: 'hide', reason: 'spam', count: 2 },
      { action: 'restore', reason: 'resolved', count: 1 },
    ]);
  });

  it('locks and unlocks a thread', async () => {
    const moderator = await signedInPortalClient(app, people.moderatorA);
    const path = `${queuePath(A)}/threads/${forumA.threadId}`;
    const form = await moderator.get(path);
    expect(form.body).toContain('Lock the thread');
    const lock = await moderator.post(path, { reason: 'off-topic', note: '' });
    expect(lock.location).toBe(`${queuePath(A)}?done=locked`);
    expect((await getService(app.strapi, 'forum').findThread(forumA.threadId)).locked).toBe(true);
    expect((await moderator.get(queuePath(A))).body).toContain(`Unlock the thread “Park lights ${A}”`);
    await moderator.get(path);
    const unlock = await moderator.post(path, { reason: 'resolved', note: 'Back on topic' });
    expect(unlock.location).toBe(`${queuePath(A)}?done=unlocked`);
    expect((await getService(app.strapi, 'forum').findThread(forumA.threadId)).locked).toBe(false);
  });

  it('suspends a post’s author for some days, lists the suspension, and lifts it', async () => {
    const moderator = await signedInPortalClient(app, people.moderatorA);
    const suspendPath = `${queuePath(A)}/posts/${forumA.posts[1]}/suspend`;
    expect((await moderator.get(suspendPath)).body).toContain(`Suspend ${forumA.author.username}`);
    const suspend = await moderator.post(suspendPath, { days: ' 7 ', reason: 'personal-data', note: '' });
    expect(suspend.location).toBe(`${queuePath(A)}?done=suspended`);
    const suspension = await getService(app.strapi, 'moderation').activeSuspension(forumA.forumId, forumA.author.id);
    expect(suspension).not.toBeNull();
    expect(new Date(suspension!.until).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const queue = await moderator.get(queuePath(A));
    const liftPath = `${queuePath(A)}/forums/${forumA.forumId}/suspensions/${forumA.author.id}/lift`;
    expect(queue.body).toContain(`href="${liftPath}"`);

    // Another municipality's moderator does not see it, nor can lift it.
    const other = await signedInPortalClient(app, people.moderatorB);
    expect((await other.get(queuePath(B))).body).not.toContain(liftPath);
    expect((await other.get(`${queuePath(B)}/forums/${forumA.forumId}/suspensions/${forumA.author.id}/lift`)).status).toBe(404);

    await moderator.get(liftPath);
    const noReason = await moderator.post(liftPath, { note: '' });
    expect(noReason.status).toBe(400);
    expect(errorBeside(noReason.body, 'reason')).toBe('Choose why the suspension ends early');
    const lift = await moderator.post(liftPath, { reason: 'appeal-upheld', note: '' });
    expect(lift.location).toBe(`${queuePath(A)}?done=lifted`);
    expect(await getService(app.strapi, 'moderation').activeSuspension(forumA.forumId, forumA.author.id)).toBeNull();
    expect((await moderator.get(queuePath(A))).body).toContain('No member is suspended now.');
  });

  it('does not offer a moderator to suspend themselves', async () => {
    const forums = getService(app.strapi, 'forum');
    const own = await forums.createPost(forumA.threadId, { body: `<p>A moderator’s own post (${(bodies += 1)})</p>` }, { id: people.moderatorA.id, username: people.moderatorA.username, address: 'moderator' });
    const moderator = await signedInPortalClient(app, people.moderatorA);
    const path = `${queuePath(A)}/posts/${own.documentId}/suspend`;
    const page = await moderator.get(path);
    expect(page.body).toContain('A moderator cannot suspend themselves.');
    expect(page.body).not.toContain('name="days"');
    const answer = await moderator.post(path, { days: '3', reason: 'abuse', note: '' });
    expect(answer.status).toBe(400);
    expect(await getService(app.strapi, 'moderation').activeSuspension(forumA.forumId, people.moderatorA.id)).toBeNull();
  });
});
