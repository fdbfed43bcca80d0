import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createOwnMunicipality, createProposal, createRound } from '../harness/fixtures';
import { actor } from '../harness/requests';
import { startSmtpServer } from '../harness/smtp';
import { startOtherInstance } from '../harness/other-instance';
import { NOTIFICATION_KINDS, NOTIFICATION_CHANNELS } from '../../plugins/participation/server/src/domain/notifications/kinds';
import { NOTIFICATION_TABLES } from '../../plugins/participation/server/src/tables/notifications';

/**
 * Notifications read from a real SMTP server: a reply arrives in the person's language with one-click
 * unsubscribe headers; a followed thread mails at most once an hour; a kind turned off sends nothing; the
 * unsubscribe link works by POST without sign-in and cannot be forged; an SMTP outage is retried and the
 * mail delivered once; mails queued when a process stops are sent by the next.
 */
let app: TestApp;
let staff: TestPerson;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const as = actor(() => app);
const notifications = () => app.strapi.plugin('participation').service('notifications');
let counter = 0;
const body = (text: string) => `<p>${text} (${++counter})</p>`;

const waitFor = async (condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rowsOf = (userId: number) => app.strapi.db.connection(NOTIFICATION_TABLES.notifications).where({ user_id: userId }).orderBy('id', 'asc');

const threadBy = async (opener: TestPerson) => {
  const { staff } = await createOwnMunicipality(app.strapi, 'NOT');
  const code = (await app.strapi.db.query('plugin::participation.municipal-assignment').findOne({ where: { user: staff.id }, populate: ['municipality'] })).municipality.code;
  const forum = await as(staff).post(`/municipalities/${code}/forums`, { data: { title: 'Town square' } });
  const thread = await as(opener).post(`/forums/${forum.body.data.documentId}/threads`, { data: { title: 'Lights in Rozafa park', body: body('The park is dark at night.') } });
  expect(thread.status).toBe(201);
  const threadId: string = thread.body.data.documentId;
  return { threadId, post: (person: TestPerson, text: string, extra: object = {}) => as(person).post(`/threads/${threadId}/posts`, { data: { body: body(text), ...extra } }) };
};

const restartWorker = async () => {
  await notifications().stop();
  await notifications().start();
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  ({ app, staff } = await bootWithMunicipality('SHK'));
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
  // Retries after a second, polls twice a second: the outage test need not wait half a minute.
  app.strapi.config.set('plugin::participation.notifications.retryBaseSeconds', 1);
  app.strapi.config.set('plugin::participation.notifications.pollingIntervalSeconds', 0.5);
  await restartWorker();
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('notifications by e-mail and in the portal', () => {
  it('mails a reply to the post’s author in their language, with one-click unsubscribe headers, and lists it in the portal', async () => {
    const [author, replier] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    await notifications().rememberLanguage(author.id, 'en');
    const { post } = await threadBy(author);
    expect((await post(replier, 'Agreed, and the benches too', { replyToPosition: 1 })).status).toBe(201);
    await waitFor(() => smtp.to(author.email).length === 1, 'the reply mail');
    const [mail] = smtp.to(author.email);
    expect(mail.subject).toBe(`${replier.username} replied to your post in “Lights in Rozafa park”`);
    expect(mail.text).toContain(`Hello ${author.username},`);
    // The thread names no language: it is in its municipality's (English), as is the mail, so it needs no mark.
    expect(mail.html).toContain('“Lights in Rozafa park”');
    expect(mail.html).not.toContain('<span lang=');
    expect(mail.headers).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/en\/unsubscribe\/[^>]+>$/m);
    expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const { items } = await notifications().list(author.id, { limit: 10 });
    expect(items).toMatchObject([{ kind: 'reply', read: false, payload: { topic: 'reply', author: replier.username } }]);
    // The replier hears nothing of their own post.
    expect(smtp.to(replier.email)).toHaveLength(0);
  });

  it('writes in the default language (sq) for someone who chose none', async () => {
    const [author, replier] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    const { post } = await threadBy(author);
    await post(replier, 'Po, edhe stolat', { replyToPosition: 1 });
    await waitFor(() => smtp.to(author.email).length === 1, 'the reply mail');
    expect(smtp.to(author.email)[0].subject).toBe(`${replier.username} iu përgjigj postimit tuaj te “Lights in Rozafa park”`);
    // In an Albanian mail the English title is marked as such.
    expect(smtp.to(author.email)[0].html).toContain('“<span lang="en" dir="ltr">Lights in Rozafa park</span>”');
  });

  it('mails a follower at most once per thread an hour, and the next mail tells what came in between', async () => {
    const [opener, follower, a, b, c] = await Promise.all([0, 1, 2, 3, 4].map(() => createPerson(app.strapi, 'citizen')));
    await notifications().rememberLanguage(follower.id, 'en');
    const { threadId, post } = await threadBy(opener);
    expect((await as(follower).put(`/threads/${threadId}/follow`)).status).toBe(200);
    expect((await post(a, 'First')).status).toBe(201);
    await waitFor(() => smtp.to(follower.email).length === 1, 'the first thread mail');
    await post(b, 'Second');
    await post(c, 'Third');
    await waitFor(async () => (await rowsOf(follower.id)).length === 3, 'three notifications');
    await pause(2500);
    expect(smtp.to(follower.email)).toHaveLength(1);
    expect((await notifications().list(follower.id, { limit: 10 })).items).toHaveLength(3);
    // An hour later (the window moved back instead of waiting) the queued mail tells both posts in one.
    await app.strapi.db.connection(NOTIFICATION_TABLES.windows).where({ user_id: follower.id }).update({ last_mailed_at_ms: Date.now() - 3600_000 - 1000 });
    const pending = (await rowsOf(follower.id)).filter((row: { mail_state: string }) => row.mail_state === 'pending');
    expect(pending).toHaveLength(2);
    await notifications().deliver({ notificationId: Number(pending[0].id) });
    expect(smtp.to(follower.email)).toHaveLength(2);
    expect(smtp.to(follower.email)[1].subject).toBe('2 new posts in “Lights in Rozafa park”, a thread you follow');
    expect((await rowsOf(follower.id)).map((row: { mail_state: string }) => row.mail_state)).toEqual(['sent', 'sent', 'sent']);
  });

  it('sends no mail of a kind the person turned off, and still lists it in the portal', async () => {
    const [author, replier] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    const everything = NOTIFICATION_KINDS.flatMap((kind) => NOTIFICATION_CHANNELS.map((channel) => ({ kind, channel })));
    await notifications().saveSettings(author.id, { language: 'en', on: everything.filter(({ kind, channel }) => !(kind === 'reply' && channel === 'email')) });
    const { post } = await threadBy(author);
    await post(replier, 'A reply nobody mails', { replyToPosition: 1 });
    await waitFor(async () => (await rowsOf(author.id)).some((row: { mail_state: string }) => row.mail_state === 'off'), 'the mail to be dropped');
    expect(smtp.to(author.email)).toHaveLength(0);
    expect((await notifications().list(author.id, { limit: 10 })).items).toHaveLength(1);
  });

  it('unsubscribes by the one-click POST without sign-in, and refuses a forged token', async () => {
    const [author, replier, other] = await Promise.all([0, 1, 2].map(() => createPerson(app.strapi, 'citizen')));
    await notifications().rememberLanguage(author.id, 'en');
    const { post } = await threadBy(author);
    await post(replier, 'Reply to unsubscribe from', { replyToPosition: 1 });
    await waitFor(() => smtp.to(author.email).length === 1, 'the reply mail');
    const url = new URL(/^List-Unsubscribe: <([^>]+)>$/m.exec(smtp.to(author.email)[0].headers)![1]);
    const token = url.pathname.split('/').pop()!;

    // Opening the link changes nothing: it asks.
    const page = await app.http().get(url.pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Stop these e-mails');
    expect((await notifications().settings(author.id)).kinds.find((k: { kind: string }) => k.kind === 'reply').email).toBe(true);

    // Another person's id under this signature, and a mangled signature: refused, nothing changes.
    const [, kind, signature] = token.split('.');
    for (const forged of [`${other.id}.${kind}.${signature}`, `${author.id}.${kind}.${signature.slice(0, -2)}xx`, `${author.id}.round.${signature}`]) {
      const refused = await app.http().post(`/en/unsubscribe/${forged}`).type('form').send('List-Unsubscribe=One-Click');
      expect(refused.status).toBe(404);
    }
    expect((await notifications().settings(other.id)).kinds.every((k: { email: boolean }) => k.email)).toBe(true);

    const done = await app.http().post(url.pathname).type('form').send('List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect((await notifications().settings(author.id)).kinds.find((k: { kind: string }) => k.kind === 'reply').email).toBe(false);
    await post(replier, 'Another reply, not mailed', { replyToPosition: 1 });
    await waitFor(async () => (await rowsOf(author.id)).some((row: { mail_state: string }) => row.mail_state === 'off'), 'the second mail to be dropped');
    expect(smtp.to(author.email)).toHaveLength(1);
  });

  it('retries through an SMTP outage and delivers exactly once', async () => {
    const [author, replier] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    const { post } = await threadBy(author);
    smtp.down();
    try {
      await post(replier, 'Sent during the outage', { replyToPosition: 1 });
      await waitFor(async () => (await rowsOf(author.id)).length === 1, 'the notification');
      // At least one attempt fails and gives its claim back.
      await pause(2000);
      expect(smtp.to(author.email)).toHaveLength(0);
      expect((await rowsOf(author.id))[0].mail_state).toBe('pending');
    } finally {
      smtp.up();
    }
    await waitFor(() => smtp.to(author.email).length === 1, 'the mail after the outage', 30_000);
    await pause(3000);
    expect(smtp.to(author.email)).toHaveLength(1);
    expect((await rowsOf(author.id))[0].mail_state).toBe('sent');
  });

  it('sends a batch of mails together: one refused mail is retried alone, and none is sent twice', async () => {
    const people = await Promise.all([0, 1, 2].map(() => createPerson(app.strapi, 'citizen')));
    const [refused] = people;
    await notifications().stop();
    try {
      const payload = { topic: 'round-phase', title: 'Batch round', path: '/rounds/batch', phase: 'voting' };
      // One INSERT … SELECT from a list of ids: a recipient listed twice, or the same cause again, is notified once.
      const ids = [...people.map(({ id }) => id), people[1].id];
      expect(await app.strapi.db.connection.transaction((trx) => notifications().notify(trx, ids, payload, 'batch-test'))).toBe(3);
      expect(await app.strapi.db.connection.transaction((trx) => notifications().notify(trx, ids, payload, 'batch-test'))).toBe(0);
      const jobs = (await Promise.all(people.map(({ id }) => rowsOf(id)))).map(([row]) => ({ notificationId: Number(row.id) }));

      smtp.refuse(refused.email);
      const first = await notifications().deliverAll(jobs);
      expect(first.map((outcome: PromiseSettledResult<void>) => outcome.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
      expect((await rowsOf(refused.id))[0].mail_state).toBe('pending');
      expect((await rowsOf(people[2].id))[0].mail_state).toBe('sent');

      // The whole batch again (as a queue redelivers it): only the refused mail goes, now accepted.
      smtp.accept(refused.email);
      const second = await notifications().deliverAll(jobs);
      expect(second.every((outcome: PromiseSettledResult<void>) => outcome.status === 'fulfilled')).toBe(true);
      for (const person of people) expect(smtp.to(person.email)).toHaveLength(1);
      for (const person of people) expect((await rowsOf(person.id)).map((row: { mail_state: string }) => row.mail_state)).toEqual(['sent']);
    } finally {
      smtp.accept(refused.email);
      await notifications().start();
    }
  });

  it('tells a follower two posts of one thread in one mail when both are in the same batch', async () => {
    const follower = await createPerson(app.strapi, 'citizen');
    await notifications().rememberLanguage(follower.id, 'en');
    await notifications().stop();
    try {
      for (const cause of ['batch-post-1', 'batch-post-2']) {
        await app.strapi.db.connection.transaction((trx) => notifications().notify(trx, [follower.id], { topic: 'thread-post', title: 'Batched thread', path: '/threads/batched' }, cause, 'thread:batched'));
      }
      const jobs = (await rowsOf(follower.id)).map((row: { id: string | number }) => ({ notificationId: Number(row.id) }));
      expect(jobs).toHaveLength(2);
      const outcomes = await notifications().deliverAll(jobs);
      expect(outcomes.every((outcome: PromiseSettledResult<void>) => outcome.status === 'fulfilled')).toBe(true);
      expect(smtp.to(follower.email).map((mail) => mail.subject)).toEqual(['2 new posts in “Batched thread”, a thread you follow']);
      expect((await rowsOf(follower.id)).map((row: { mail_state: string }) => row.mail_state)).toEqual(['sent', 'sent']);
    } finally {
      await notifications().start();
    }
  });

  it('loses nothing queued when a process stops: the next one sends it, once', async () => {
    const [author, replier] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    const { post } = await threadBy(author);
    await notifications().stop();
    await post(replier, 'Queued while no worker runs', { replyToPosition: 1 });
    await pause(1500);
    expect(smtp.to(author.email)).toHaveLength(0);
    const other = await startOtherInstance();
    try {
      await waitFor(() => smtp.to(author.email).length === 1, 'the mail sent by the next process', 60_000);
    } finally {
      await other.stop();
    }
    await notifications().start();
    await pause(2000);
    expect(smtp.to(author.email)).toHaveLength(1);
  });
});

describe('the other kinds', () => {
  const service = (name: string) => app.strapi.plugin('participation').service(name);
  const inEnglish = async (...people: TestPerson[]) => {
    for (const person of people) await notifications().rememberLanguage(person.id, 'en');
  };

  it('tells a round’s followers of its new stage, and a proposal’s author of its new status', async () => {
    const [author, follower] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    await inEnglish(author, follower);
    const round = await createRound(app.strapi, 'SHK', { phase: 'proposals', title: 'Shkodër decides 2026' });
    await createProposal(app.strapi, round, 'SHK', { title: 'Home visits for older people', authorId: author.id });
    await notifications().followRound(round, follower.id, true);
    await service('round').transition('SHK', round, 'start-review', staff.id);
    await waitFor(() => smtp.to(follower.email).length === 1 && smtp.to(author.email).length === 1, 'the round and proposal mails');
    expect(smtp.to(follower.email)[0].subject).toBe('The round “Shkodër decides 2026” is now: Proposals under review');
    expect(smtp.to(author.email)[0].subject).toBe('Your proposal “Home visits for older people” is now: Being reviewed');
  });

  it('reminds those registered for a meeting the day before, once, and tells them of changes', async () => {
    const [registered] = [await createPerson(app.strapi, 'citizen')];
    await inEnglish(registered);
    const startsAt = new Date(Date.now() + 3 * 3600_000).toISOString();
    const meeting = await service('meeting').create('SHK', { title: 'Dialogue group, December', startsAt, place: 'Town hall', accessibility: [] }, staff.id);
    await service('meeting').register(meeting.documentId, registered.id, undefined);
    await notifications().remindOfMeetings();
    await notifications().remindOfMeetings();
    await waitFor(() => smtp.to(registered.email).length === 1, 'the reminder');
    expect(smtp.to(registered.email)[0].subject).toMatch(/^Reminder: the meeting “Dialogue group, December” starts on /);
    await service('meeting').update('SHK', meeting.documentId, { title: 'Dialogue group, December', startsAt, place: 'Library, first floor', accessibility: [] });
    await waitFor(() => smtp.to(registered.email).length === 2, 'the change');
    expect(smtp.to(registered.email)[1].subject).toBe('The meeting “Dialogue group, December” has changed');
  });

  it('tells those who answered a consultation that its summary is out', async () => {
    const [respondent, bystander] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    await inEnglish(respondent, bystander);
    const consultation = await service('consultation').create(
      'SHK',
      { topic: 'Care for older people', questions: [{ id: 'q1', text: 'What is missing?' }], targetGroups: [], opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString() },
      staff.id
    );
    await service('consultation').transition('SHK', consultation.documentId, 'open');
    await service('consultation').submitOnline(consultation.documentId, respondent.id, [{ questionId: 'q1', text: 'Home visits' }]);
    await service('consultation').transition('SHK', consultation.documentId, 'close');
    await service('consultation').publishSummary('SHK', consultation.documentId, { themes: [], proposalDocumentIds: [], commitmentDocumentIds: [] });
    await waitFor(() => smtp.to(respondent.email).length === 1, 'the summary mail');
    expect(smtp.to(respondent.email)[0].subject).toBe('The consultation “Care for older people” has published what it heard');
    expect(smtp.to(bystander.email)).toHaveLength(0);
  });
});
