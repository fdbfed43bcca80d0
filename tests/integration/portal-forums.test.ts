import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createOwnMunicipality } from '../harness/fixtures';
import { portalClient } from '../harness/portal-client';

/**
 * The portal's forum pages, read and written as a browser without JavaScript does: plain links and
 * form posts, each answered by a redirect or by the same page with its errors. Access is the API's.
 */
let app: TestApp;
let staff: TestPerson;
let moderator: TestPerson;
let opener: TestPerson;
let reader: TestPerson;
let forumId: string;

const forums = () => app.strapi.plugin('participation').service('forum');
const moderation = () => app.strapi.plugin('participation').service('moderation');
const posterOf = (person: TestPerson) => ({ id: person.id, username: person.username, address: 'test' });
let counter = 0;
const unique = (text: string) => `${text} (${++counter})`;

const signedIn = async (person: TestPerson) => {
  const browser = portalClient(app);
  await browser.get('/en/sign-in');
  const answer = await browser.post('/en/sign-in', { identifier: person.email, password: person.password, returnTo: '/' });
  expect(answer.status).toBe(303);
  return browser;
};

/** A thread of its own for a test, opened through the service by `opener`, with `extra` more posts. */
const newThread = async (extra = 0, title = unique('Lights in Rozafa park')) => {
  const thread = await forums().createThread(forumId, { title, body: `<p>${unique('The park is dark at night.')}</p>` }, posterOf(opener));
  for (let i = 0; i < extra; i += 1) await forums().createPost(thread.documentId, { body: `<p>${unique('Post')}</p>` }, posterOf(i % 2 ? opener : reader));
  return thread.documentId as string;
};

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  // The suite posts far more than a person would; the limits themselves are tested below with their own values.
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerUser', 10_000);
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
  app.strapi.config.set('plugin::participation.forum.rateLimits.reportsPerHourPerAddress', 10_000);
  app.strapi.config.set('plugin::participation.forum.countedReporters', { minAccountAgeDays: 0, minVisiblePosts: 0 });
  [moderator, opener, reader] = await Promise.all([createPerson(app.strapi, 'moderator', ['SHK']), createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'citizen')]);
  forumId = (await forums().createForum('SHK', { title: 'Sheshi i qytetit', description: 'Ideas about the city.' }, staff.id)).documentId;
});
afterAll(() => app?.close());

describe('access, exactly as the content API decides it', () => {
  // Written out, not derived from the rules: public reads for everyone, writing for anyone signed in.
  const cases = (threadId: string, postId: string) => [
    { method: 'get', path: '/en/municipalities/SHK/forums', anonymous: 200, citizen: 200 },
    { method: 'get', path: '/en/municipalities/SHK/moderation', anonymous: 200, citizen: 200 },
    { method: 'get', path: `/en/forums/${forumId}`, anonymous: 200, citizen: 200 },
    { method: 'get', path: `/en/threads/${threadId}`, anonymous: 200, citizen: 200 },
    { method: 'get', path: `/en/people/${opener.username}`, anonymous: 200, citizen: 200 },
    { method: 'get', path: `/en/forums/${forumId}/threads/new`, anonymous: 303, citizen: 200 },
    { method: 'get', path: `/en/posts/${postId}/report`, anonymous: 303, citizen: 200 },
    { method: 'post', path: `/en/forums/${forumId}/threads/new`, anonymous: 303, citizen: 400 },
    { method: 'post', path: `/en/threads/${threadId}/posts`, anonymous: 303, citizen: 400 },
    { method: 'post', path: `/en/threads/${threadId}/follow`, anonymous: 303, citizen: 400 },
    { method: 'post', path: `/en/posts/${postId}/reactions`, anonymous: 303, citizen: 400 },
    { method: 'post', path: `/en/posts/${postId}/report`, anonymous: 303, citizen: 400 },
  ];

  it('lets everyone read, sends an anonymous writer to sign in, and takes a signed-in citizen’s forms', async () => {
    const threadId = await newThread();
    const { data: posts } = await forums().listPosts(threadId, { page: 1, pageSize: 25 });
    const anonymous = portalClient(app);
    const citizen = await signedIn(reader);
    for (const { method, path, ...expected } of cases(threadId, posts[0].documentId)) {
      for (const who of ['anonymous', 'citizen'] as const) {
        const browser = who === 'anonymous' ? anonymous : citizen;
        // A page with a form, for its CSRF token (a thread page has none for an anonymous reader).
        await browser.get('/en/sign-in');
        // An empty form: signed in, each form answers 400 for what is missing; signed out, sign in first.
        const answer = method === 'get' ? await browser.get(path) : await browser.post(path, {});
        expect({ path, who, status: answer.status }).toEqual({ path, who, status: expected[who] });
        if (answer.status === 303) expect(answer.location).toMatch(/^\/en\/sign-in\?returnTo=/);
      }
    }
  });

  it('answers an unknown forum, thread or post with 404 and a bad page number with 400', async () => {
    const browser = await signedIn(reader);
    expect((await browser.get('/en/forums/nosuchforum')).status).toBe(404);
    expect((await browser.get('/en/threads/nosuchthread')).status).toBe(404);
    expect((await browser.get('/en/posts/nosuchpost/report')).status).toBe(404);
    expect((await browser.get('/en/municipalities/NOPE/forums')).status).toBe(404);
    expect((await browser.get(`/en/forums/${forumId}?page=abc`)).status).toBe(400);
  });
});

describe('forums and threads', () => {
  it('are linked from the municipality page, with the moderation record', async () => {
    const browser = portalClient(app);
    expect((await browser.get('/en/municipalities/SHK')).body).toContain('href="/en/municipalities/SHK/forums"');
    const page = await browser.get('/en/municipalities/SHK/forums');
    expect(page.body).toContain(`href="/en/forums/${forumId}"`);
    expect(page.body).toContain('Ideas about the city.');
    expect(page.body).toContain('href="/en/municipalities/SHK/moderation"');
  });

  it('lists a forum’s threads by latest activity, twenty a page', async () => {
    const { documentId: ownForum } = await forums().createForum('SHK', { title: unique('Paging forum') }, staff.id);
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) ids.push((await forums().createThread(ownForum, { title: `Topic ${i}`, body: `<p>${unique('x')}</p>` }, posterOf(opener))).documentId);
    // A new post brings the oldest thread to the top.
    await forums().createPost(ids[0], { body: `<p>${unique('bump')}</p>` }, posterOf(reader));
    const browser = portalClient(app);
    const first = await browser.get(`/en/forums/${ownForum}`);
    expect(first.status).toBe(200);
    const order = [...first.body.matchAll(/href="\/en\/threads\/([a-z0-9]+)"/g)].map((match) => match[1]);
    expect(order.slice(0, 2)).toEqual([ids[0], ids[20]]);
    expect(order).toHaveLength(20);
    expect(first.body).toContain('Page 1 of 2');
    const second = await browser.get(`/en/forums/${ownForum}?page=2`);
    expect([...second.body.matchAll(/href="\/en\/threads\/([a-z0-9]+)"/g)].map((match) => match[1])).toEqual([ids[1]]);
    expect((await browser.get(`/en/forums/${ownForum}?page=3`)).status).toBe(404);
  });

  it('starts a thread: errors beside the fields with the values kept, then a redirect to it', async () => {
    const browser = await signedIn(reader);
    await browser.get(`/en/forums/${forumId}/threads/new`);
    const bad = await browser.post(`/en/forums/${forumId}/threads/new`, { title: '', body: 'Some words that stay' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('href="#title"');
    expect(bad.body).toContain('id="title-error"');
    expect(bad.body).not.toContain('id="body-error"');
    expect(bad.body).toContain('Some words that stay');
    const empty = await browser.post(`/en/forums/${forumId}/threads/new`, { title: 'A title', body: '<p> </p><script>x</script>' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('id="body-error"');
    expect(empty.body).toContain('value="A title"');
    const title = unique('Benches on the promenade');
    const good = await browser.post(`/en/forums/${forumId}/threads/new`, { title, body: 'We need benches.\n\nOld people cannot walk far.' });
    expect(good.status).toBe(303);
    const threadId = /\/en\/threads\/([a-z0-9]+)\?done=posted#post-1$/.exec(good.location ?? '')![1];
    const page = await browser.get(`/en/threads/${threadId}?done=posted`);
    expect(page.body).toContain('Your post is published.');
    expect(page.body).toContain(`<h1>${title}</h1>`);
    expect(page.body).toContain('<p>We need benches.</p><p>Old people cannot walk far.</p>');
  });

  it('refuses a form without its CSRF token and writes nothing', async () => {
    const threadId = await newThread();
    const browser = await signedIn(reader);
    await browser.get(`/en/threads/${threadId}`);
    const refused = await browser.post(`/en/threads/${threadId}/posts`, { csrf: 'forged', body: 'Hello' });
    expect(refused.status).toBe(403);
    const thread = await browser.post(`/en/forums/${forumId}/threads/new`, { csrf: 'forged', title: 'x y z', body: 'Hello' });
    expect(thread.status).toBe(403);
    expect((await forums().findThread(threadId)).postCount).toBe(1);
  });
});

describe('a thread', () => {
  it('is paged by position, replies say what they answer, and a page past the end is 404', async () => {
    const threadId = await newThread(28);
    const reply = await forums().createPost(threadId, { body: `<p>${unique('Agreed')}</p>`, replyToPosition: 3 }, posterOf(reader));
    expect(reply.position).toBe(30);
    const browser = portalClient(app);
    const first = await browser.get(`/en/threads/${threadId}`);
    expect([...first.body.matchAll(/<article class="post" id="post-(\d+)"/g)].map((match) => Number(match[1]))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const second = await browser.get(`/en/threads/${threadId}?page=2`);
    expect([...second.body.matchAll(/<article class="post" id="post-(\d+)"/g)].map((match) => Number(match[1]))).toEqual([26, 27, 28, 29, 30]);
    // Post 3 is on page 1: the reply links there and names its author.
    expect(second.body).toContain(`href="/en/threads/${threadId}?page=1#post-3"`);
    expect(second.body).toMatch(/In reply to post 3 by (citizen-\d+-\d+)<\/a><q>Post \(\d+\)<\/q>/);
    expect((await browser.get(`/en/threads/${threadId}?page=3`)).status).toBe(404);
    expect((await browser.get(`/en/threads/${threadId}?page=0`)).status).toBe(400);
  });

  it('posts and replies through the form, keeps only what the sanitiser keeps, and links mentions', async () => {
    const threadId = await newThread();
    const browser = await signedIn(reader);
    const replying = await browser.get(`/en/threads/${threadId}?replyTo=1`);
    expect(replying.body).toContain('name="replyToPosition" value="1"');
    expect(replying.body).toContain(`Your reply to post 1 by ${opener.username}`);
    const answer = await browser.post(`/en/threads/${threadId}/posts`, {
      replyToPosition: '1',
      body: `<p>Thanks @${opener.username}! <strong>Yes</strong><script>alert(1)</script><img src=x onerror=alert(2)></p>`,
    });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/en/threads/${threadId}?page=1&done=posted#post-2`);
    const page = await browser.get(`/en/threads/${threadId}?page=1&done=posted`);
    expect(page.body).toContain(`<p>Thanks <a href="/en/people/${opener.username}" class="mention">@${opener.username}</a>! <strong>Yes</strong></p>`);
    expect(page.body).not.toMatch(/alert\(|onerror/);
    expect(page.body).toContain(`In reply to post 1 by ${opener.username}`);
    const person = await browser.get(`/en/people/${reader.username}`);
    expect(person.body).toContain(`href="/en/threads/${threadId}?page=1#post-2"`);
  });

  it('shows an empty post, a repeated text and a reply to nothing beside the field, with the text kept', async () => {
    const threadId = await newThread();
    const browser = await signedIn(reader);
    await browser.get(`/en/threads/${threadId}`);
    const empty = await browser.post(`/en/threads/${threadId}/posts`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('href="#body"');
    expect(empty.body).toContain('id="body-error"');
    const text = unique('Once is enough');
    expect((await browser.post(`/en/threads/${threadId}/posts`, { body: text })).status).toBe(303);
    await browser.get(`/en/threads/${threadId}`);
    const again = await browser.post(`/en/threads/${threadId}/posts`, { body: text });
    expect(again.status).toBe(400);
    expect(again.body).toContain('You already posted exactly this text in the last day');
    expect(again.body).toContain(`>${text}</textarea>`);
    const nowhere = await browser.post(`/en/threads/${threadId}/posts`, { body: unique('To the future'), replyToPosition: '99' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body).toContain('id="body-error"');
    expect((await forums().findThread(threadId)).postCount).toBe(2);
  });

  it('says so kindly when someone posts too fast, keeping the text', async () => {
    const threadId = await newThread();
    const hasty = await createPerson(app.strapi, 'citizen');
    const browser = await signedIn(hasty);
    app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerUser', 1);
    try {
      await browser.get(`/en/threads/${threadId}`);
      expect((await browser.post(`/en/threads/${threadId}/posts`, { body: unique('First') })).status).toBe(303);
      await browser.get(`/en/threads/${threadId}`);
      const text = unique('Second, too soon');
      const refused = await browser.post(`/en/threads/${threadId}/posts`, { body: text });
      expect(refused.status).toBe(429);
      expect(refused.body).toContain('id="body-error"');
      expect(refused.body).toContain('You are posting very quickly');
      expect(refused.body).toContain(`>${text}</textarea>`);
    } finally {
      app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerUser', 10_000);
    }
  });

  it('reacts and takes a reaction back with one button each, and follows and unfollows', async () => {
    const threadId = await newThread();
    const { data: [post] } = await forums().listPosts(threadId, { page: 1, pageSize: 25 });
    const browser = await signedIn(reader);
    await browser.get(`/en/threads/${threadId}`);
    const liked = await browser.post(`/en/posts/${post.documentId}/reactions`, { kind: 'like', on: 'yes' });
    expect(liked.status).toBe(303);
    expect(liked.location).toBe(`/en/threads/${threadId}?page=1#post-1`);
    let page = await browser.get(`/en/threads/${threadId}`);
    expect(page.body).toContain('aria-pressed="true">Like (1)</button>');
    expect(page.body).toContain('aria-pressed="false">Support (0)</button>');
    expect((await browser.post(`/en/posts/${post.documentId}/reactions`, { kind: 'like', on: 'no' })).status).toBe(303);
    page = await browser.get(`/en/threads/${threadId}`);
    expect(page.body).toContain('aria-pressed="false">Like (0)</button>');
    expect((await browser.post(`/en/posts/${post.documentId}/reactions`, { kind: 'hug', on: 'yes' })).status).toBe(400);
    // Anonymous readers see the counts, not buttons.
    expect((await portalClient(app).get(`/en/threads/${threadId}`)).body).toContain('Like (0) · Support (0) · Thanks (0)');

    expect((await browser.post(`/en/threads/${threadId}/follow`, { on: 'yes' })).location).toBe(`/en/threads/${threadId}#follow`);
    page = await browser.get(`/en/threads/${threadId}`);
    expect(page.body).toContain('You follow this thread');
    expect(page.body).toContain('>Stop following</button>');
    await browser.post(`/en/threads/${threadId}/follow`, { on: 'no' });
    expect((await browser.get(`/en/threads/${threadId}`)).body).toContain('>Follow this thread</button>');
  });

  it('explains a locked thread and a suspension instead of the form, and refuses their posts', async () => {
    const threadId = await newThread();
    const browser = await signedIn(reader);
    await moderation().moderateThread('SHK', threadId, { action: 'lock', reason: 'heated' }, moderator.id);
    let page = await browser.get(`/en/threads/${threadId}`);
    expect(page.body).toContain('The moderators have locked this thread');
    expect(page.body).not.toContain('name="body"');
    const locked = await browser.post(`/en/threads/${threadId}/posts`, { body: unique('Let me in') });
    expect(locked.status).toBe(403);
    expect(locked.body).toContain('The moderators have locked this thread');
    await moderation().moderateThread('SHK', threadId, { action: 'unlock', reason: 'calm' }, moderator.id);

    const suspended = await createPerson(app.strapi, 'citizen');
    const theirs = await signedIn(suspended);
    await moderation().suspend('SHK', forumId, { userId: suspended.id, days: 3, reason: 'abuse' }, moderator.id);
    page = await theirs.get(`/en/threads/${threadId}`);
    expect(page.body).toContain('The moderators have suspended you from posting in this forum until');
    expect(page.body).not.toContain('name="body"');
    const refused = await theirs.post(`/en/threads/${threadId}/posts`, { body: unique('Still here') });
    expect(refused.status).toBe(403);
    expect((await theirs.get(`/en/forums/${forumId}/threads/new`)).body).toContain('suspended you');
  });
});

describe('reporting and the moderation record', () => {
  it('reports a post with a reason once, never one’s own, and the public record counts what followed', async () => {
    const { code, staff: ownStaff } = await createOwnMunicipality(app.strapi, 'MOD');
    const ownModerator = await createPerson(app.strapi, 'moderator', [code]);
    const { documentId: ownForum } = await forums().createForum(code, { title: 'Record forum' }, ownStaff.id);
    const thread = await forums().createThread(ownForum, { title: 'Reported', body: `<p>${unique('Buy cheap watches')}</p>` }, posterOf(opener));
    const { data: [post] } = await forums().listPosts(thread.documentId, { page: 1, pageSize: 25 });
    app.strapi.config.set('plugin::participation.forum.reportsToHide', 1);
    const browser = await signedIn(reader);
    try {
      const form = await browser.get(`/en/posts/${post.documentId}/report`);
      expect(form.body).toContain('Buy cheap watches');
      const missing = await browser.post(`/en/posts/${post.documentId}/report`, { note: 'Keep this note' });
      expect(missing.status).toBe(400);
      expect(missing.body).toContain('href="#reason"');
      expect(missing.body).toContain('Keep this note');
      const sent = await browser.post(`/en/posts/${post.documentId}/report`, { reason: 'spam', note: 'An advert' });
      expect(sent.status).toBe(303);
      expect(sent.location).toBe(`/en/threads/${thread.documentId}?page=1&done=reported#post-1`);
      const page = await browser.get(`/en/threads/${thread.documentId}?done=reported`);
      expect(page.body).toContain('Your report is recorded');
      expect(page.body).toContain('Hidden after reports from members');
      expect(page.body).not.toContain('Buy cheap watches');
      await browser.get(`/en/posts/${post.documentId}/report`);
      const twice = await browser.post(`/en/posts/${post.documentId}/report`, { reason: 'spam' });
      expect(twice.status).toBe(409);
      expect(twice.body).toContain('You have already reported this post');
    } finally {
      app.strapi.config.set('plugin::participation.forum.reportsToHide', 3);
    }
    const own = await signedIn(opener);
    const refused = await own.get(`/en/posts/${post.documentId}/report`);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('You cannot report your own post.');

    await moderation().moderatePost(code, post.documentId, { action: 'hide', reason: 'spam' }, ownModerator.id);
    await moderation().moderateThread(code, thread.documentId, { action: 'lock', reason: 'closed topic' }, ownModerator.id);
    const record = await portalClient(app).get(`/en/municipalities/${code}/moderation`);
    expect(record.status).toBe(200);
    const rows = [...record.body.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><td class="numeric">(\d+)<\/td><\/tr>/g)].map((match) => match.slice(1));
    expect(rows).toEqual([
      ['Post hidden automatically after reports', 'Reports from members', '1'],
      ['Post hidden', 'Spam or advertising', '1'],
      ['Thread locked', 'closed topic', '1'],
    ]);
    expect(record.body).toContain('3 actions in all');
  });
});

describe('languages', () => {
  it('renders every page in Albanian and Vietnamese', async () => {
    const threadId = await newThread(1);
    const browser = await signedIn(reader);
    for (const lang of ['sq', 'vi']) {
      for (const path of ['/municipalities/SHK/forums', '/municipalities/SHK/moderation', `/forums/${forumId}`, `/threads/${threadId}`, `/forums/${forumId}/threads/new`]) {
        const page = await browser.get(`/${lang}${path}`);
        expect({ path, status: page.status }).toEqual({ path, status: 200 });
        expect(page.body).toContain(`<html lang="${lang}"`);
      }
    }
  });
});
