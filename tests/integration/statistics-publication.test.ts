import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { sender } from '../harness/requests';
import type { Meeting, ModerationQueueItem } from '../../plugins/participation/shared/contracts';

/**
 * Issue #11, items 9 and 26. The differencing attack: read the public statistics, let a known person
 * post (or arrive late at a meeting), read again, subtract. Statistics are now published only for closed
 * populations (a completed month of a forum, a meeting whose minutes are out, a summarised consultation),
 * computed once and never again; and every view shows a count the way its statistics do.
 */
let app: TestApp;
let facilitator: TestPerson;
let moderator: TestPerson;
let known: TestPerson;
const posters: TestPerson[] = [];

const send = sender(() => app);

const NO_DIFFICULTY = { seeing: 'no-difficulty', hearing: 'no-difficulty', walking: 'no-difficulty', remembering: 'no-difficulty', selfCare: 'no-difficulty', communicating: 'no-difficulty' };
const KNOWN_DECLARATION = { ageBand: '30-44', washingtonGroup: { ...NO_DIFFICULTY, walking: 'cannot-do-at-all' }, consent: true };

const month = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 15));
};
const monthKey = (date: Date) => date.toISOString().slice(0, 7);

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'SHK');
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  moderator = await createPerson(app.strapi, 'moderator', ['SHK']);
  known = await createPerson(app.strapi, 'citizen');
  expect((await send(known, 'put', '/me/demographics', { data: KNOWN_DECLARATION })).status).toBe(200);
  for (let i = 0; i < 12; i += 1) {
    const person = await createPerson(app.strapi, 'citizen');
    expect((await send(person, 'put', '/me/demographics', { data: { ageBand: '30-44', washingtonGroup: NO_DIFFICULTY, consent: true } })).status).toBe(200);
    posters.push(person);
  }
});
afterAll(async () => {
  await app?.close();
});

describe('forum statistics: one completed month at a time, frozen', () => {
  let forumId: string;
  let threadId: string;
  const lastMonth = month(-1);
  const statistics = (period?: string) => send(null, 'get', `/forums/${forumId}/statistics${period ? `?period=${period}` : ''}`);

  beforeAll(async () => {
    const forum = await send(facilitator, 'post', '/municipalities/SHK/forums', { data: { title: 'Town square' } });
    forumId = forum.body.data.documentId;
    const thread = await send(posters[0], 'post', `/forums/${forumId}/threads`, { data: { title: 'Buses', body: '<p>More buses, please.</p>' } });
    threadId = thread.body.data.documentId;
    for (const person of posters.slice(1)) {
      expect((await send(person, 'post', `/threads/${threadId}/posts`, { data: { body: `<p>Agreed, says ${person.username}.</p>` } })).status).toBe(201);
    }
    // The twelve posted last month.
    await app.strapi.db.connection('participation_forum_posts').where({ forum_document_id: forumId }).update({ created_at: lastMonth });
  });

  it('publishes no live population: the running month and "no period" are refused', async () => {
    const live = await statistics();
    expect(live.status).toBe(400);
    expect(live.body.error.message).toMatch(/period/);
    expect((await statistics(monthKey(month(0)))).status).toBe(409);
    const malformed = await statistics('2026-13');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/period/);
  });

  it('a known person posting changes nothing anyone can read', async () => {
    const before = await statistics(monthKey(lastMonth));
    expect(before.status).toBe(200);
    expect(before.body.data.breakdowns.ageBand['30-44']).toBe(12);
    expect(before.body.data.breakdowns.disability.yes).toBe(0);
    const beforeFiltered = await statistics(`${monthKey(lastMonth)}&ageBand=30-44`);

    expect((await send(known, 'post', `/threads/${threadId}/posts`, { data: { body: '<p>Step-free buses too.</p>' } })).status).toBe(201);

    expect((await statistics(monthKey(lastMonth))).body).toEqual(before.body);
    expect((await statistics(`${monthKey(lastMonth)}&ageBand=30-44`)).body).toEqual(beforeFiltered.body);
    expect((await statistics(monthKey(month(0)))).status).toBe(409);
  });

  it('stays as published when a post lands in the month late, or a poster changes their declaration', async () => {
    const before = await statistics(monthKey(lastMonth));
    expect(before.status).toBe(200);
    await app.strapi.db.connection('participation_forum_posts').where({ forum_document_id: forumId, author_id: known.id }).update({ created_at: lastMonth });
    expect((await send(posters[3], 'put', '/me/demographics', { data: { ageBand: '65-plus', consent: true } })).status).toBe(200);
    expect((await statistics(monthKey(lastMonth))).body).toEqual(before.body);
  });

  it('refuses to rewrite or remove a publication in the database itself', async () => {
    const table = () => app.strapi.db.connection('participation_statistics_publications');
    await expect(table().update({ tables: '{}' })).rejects.toThrow(/append-only/);
    await expect(table().delete()).rejects.toThrow(/append-only/);
  });
});

describe('meeting statistics: published with the minutes, and the public count is the same number', () => {
  let groupId: string;
  beforeAll(async () => {
    groupId = (await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: 'LSDG Shkodër', reservedSeats: [] } })).body.data.documentId;
  });
  const meeting = async (title: string, attendees: object[]) => {
    const created = await send(facilitator, 'post', '/municipalities/SHK/meetings', {
      data: { groupDocumentId: groupId, title, startsAt: '2026-11-10T10:00:00Z', endsAt: '2026-11-10T12:00:00Z', place: 'City hall', accessibility: ['step-free-access'] },
    });
    expect(created.body.error).toBeUndefined();
    const id = created.body.data.documentId as string;
    expect((await send(facilitator, 'post', `/municipalities/SHK/meetings/${id}/attendance`, { data: { attendees } })).status).toBe(200);
    return id;
  };
  const paperLines = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => ({ offlineReference: `${prefix} line ${i + 1}`, consent: { given: true, method: 'signed-form' }, demographics: { ageBand: '30-44', washingtonGroup: NO_DIFFICULTY, consent: true } }));

  it('a late arrival changes nothing anyone can read', async () => {
    const id = await meeting('Social care plan', paperLines(12, 'Sheet A'));
    const statistics = () => send(null, 'get', `/meetings/${id}/statistics`);
    expect((await statistics()).status).toBe(409);
    expect((await send(null, 'get', `/meetings/${id}`)).body.data.attended).toBeNull();

    // The known person arrives late: still nothing to read.
    expect((await send(facilitator, 'post', `/municipalities/SHK/meetings/${id}/attendance`, { data: { attendees: [{ userId: known.id }] } })).status).toBe(200);
    expect((await statistics()).status).toBe(409);
    expect((await send(null, 'get', `/meetings/${id}`)).body.data.attended).toBeNull();

    expect((await send(facilitator, 'post', `/municipalities/SHK/meetings/${id}/minutes`, { data: { minutes: '<p>Read the plan.</p>' } })).status).toBe(201);
    const published = await statistics();
    expect(published.status).toBe(200);
    expect(published.body.data.total).toBe(13);
    expect((await send(null, 'get', `/meetings/${id}`)).body.data.attended).toBe(13);

    // Once closed, the population cannot grow, and a changed declaration does not reach it.
    const later = await send(facilitator, 'post', `/municipalities/SHK/meetings/${id}/attendance`, { data: { attendees: [{ userId: posters[0].id }] } });
    expect(later.status).toBe(409);
    expect((await send(known, 'put', '/me/demographics', { data: { ageBand: '18-29', consent: true } })).status).toBe(200);
    expect((await statistics()).body).toEqual(published.body);
    await send(known, 'put', '/me/demographics', { data: KNOWN_DECLARATION });
  });

  it('shows a small meeting’s attendance as its statistics do: suppressed', async () => {
    const id = await meeting('Small focus group', paperLines(4, 'Sheet B'));
    await send(facilitator, 'post', `/municipalities/SHK/meetings/${id}/minutes`, { data: { minutes: '<p>Notes.</p>' } });
    const statistics = await send(null, 'get', `/meetings/${id}/statistics`);
    expect(statistics.body.data.total).toBe('suppressed');
    expect((await send(null, 'get', `/meetings/${id}`)).body.data.attended).toBe('suppressed');
    const listed = await send(null, 'get', '/meetings?municipality=SHK');
    expect(listed.body.data.find((item: Meeting) => item.documentId === id).attended).toBe('suppressed');
  });
});

describe('consultation statistics: published with the summary, the same tables it quotes', () => {
  it('answers nothing while input is taken, then exactly what the summary froze', async () => {
    const created = await send(facilitator, 'post', '/municipalities/SHK/consultations', {
      data: { topic: 'Buses', questions: [{ id: 'q', text: 'Which routes?' }], targetGroups: ['youth'], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    });
    const id = created.body.data.documentId;
    const base = `/municipalities/SHK/consultations/${id}`;
    await send(facilitator, 'post', `${base}/transitions`, { action: 'open' });
    for (const person of [...posters, known]) {
      expect((await send(person, 'post', `/consultations/${id}/inputs`, { data: { answers: [{ questionId: 'q', text: 'Route 3.' }], consent: true } })).status).toBe(201);
    }
    expect((await send(null, 'get', `/consultations/${id}/statistics`)).status).toBe(409);
    await send(facilitator, 'post', `${base}/transitions`, { action: 'close' });
    for (const reference of ['Form 1', 'Form 2', 'Form 3']) {
      const paper = await send(facilitator, 'post', `${base}/offline-inputs`, {
        data: { channel: 'paper', offlineReference: reference, answers: [{ questionId: 'q', text: 'Route 5.' }], consent: { given: true, method: 'signed-form' } },
      });
      expect(paper.status).toBe(201);
    }
    // Offline input is still taken while closed, so the population is not yet fixed.
    expect((await send(null, 'get', `/consultations/${id}/statistics`)).status).toBe(409);
    const summary = await send(facilitator, 'post', `${base}/summary`, { data: { themes: [{ title: 'Route 3', description: 'More often.' }] } });
    expect(summary.status).toBe(201);
    expect((await send(posters[5], 'put', '/me/demographics', { data: { ageBand: '65-plus', consent: true } })).status).toBe(200);
    const statistics = await send(null, 'get', `/consultations/${id}/statistics`);
    expect(statistics.status).toBe(200);
    expect(statistics.body.data).toEqual(summary.body.data.summary.participation);
    expect(statistics.body.data.total).toBe(16);
    // The respondents by channel are the same people: suppressed like every other breakdown of them.
    expect(summary.body.data.summary.inputsByChannel).toEqual({ online: 'suppressed', paper: 'suppressed', 'focus-group': 0, meeting: 0, phone: 0 });
  });
});

describe('reaction counts (item 26)', () => {
  it('are the same in the moderation queue, the moderator’s answer and the public thread', async () => {
    const forum = await send(facilitator, 'post', '/municipalities/SHK/forums', { data: { title: 'Reactions' } });
    const thread = await send(posters[1], 'post', `/forums/${forum.body.data.documentId}/threads`, { data: { title: 'Parks', body: '<p>Open the park at night.</p>' } });
    const post = thread.body.data.firstPost.documentId;
    expect((await send(posters[2], 'put', `/posts/${post}/reactions/like`)).status).toBe(200);
    await send(posters[3], 'put', `/posts/${post}/reactions/support`);
    await send(posters[4], 'post', `/posts/${post}/reports`, { data: { reason: 'off-topic' } });

    const publicView = await send(null, 'get', `/threads/${thread.body.data.documentId}/posts`);
    const publicReactions = publicView.body.data[0].reactions;
    expect(publicReactions).toEqual({ like: 1, support: 1, thanks: 0 });
    const queue = await send(moderator, 'get', '/municipalities/SHK/moderation/queue');
    expect(queue.body.data.find((item: ModerationQueueItem) => item.post.documentId === post).post.reactions).toEqual(publicReactions);
    const restored = await send(moderator, 'post', `/municipalities/SHK/posts/${post}/moderation`, { data: { action: 'restore', reason: 'resolved' } });
    expect(restored.body.data.reactions).toEqual(publicReactions);
  });
});
