import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createRound } from '../harness/fixtures';
import { sender, type Method } from '../harness/requests';

/**
 * Bad input is the client's mistake: a 400 naming the field, and nothing written anywhere. Text the
 * database cannot store (NUL, lone surrogates), text longer than its column, markup in plain-text
 * fields, non-http(s) links and malformed JSON; and a post is stored with its events or not at all.
 */
let app: TestApp;
let staff: TestPerson;
let moderator: TestPerson;
let facilitator: TestPerson;
let citizen: TestPerson;
let otherCitizen: TestPerson;
let roundId: string;
let forumId: string;
let threadId: string;
let postId: string;
let groupId: string;
let heldMeetingId: string;
let futureMeetingId: string;
let commitmentId: string;
let consultationId: string;

const api = '/api/participation';
const send = sender(() => app);
const knex = () => app.strapi.db.connection;
let bodyCounter = 0;
const uniqueBody = () => `<p>A point about the park (${++bodyCounter})</p>`;

const proposal = (extra: object = {}) => ({
  data: { title: 'Benches in the park', description: 'Benches along the river path.', requestedAmount: '100', budgetLineCodes: ['1040-01'], ...extra },
});
const meeting = (extra: object = {}) => ({
  data: { groupDocumentId: groupId, title: 'Group meeting', startsAt: '2026-04-10T10:00:00+02:00', place: 'City hall', ...extra },
});
const consultationInput = (text: string) => ({ data: { answers: [{ questionId: 'priorities', text }], consent: true } });

/** Every row of every table the plugin and users-permissions write: a refused request changes none. */
const everything = async () => {
  const tables = [...app.strapi.db.metadata.values()]
    .map((model) => model.tableName)
    .filter((name) => name.startsWith('participation_') || name.startsWith('up_'))
    .sort();
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) dump[table] = await knex()(table).select('*').orderBy('id');
  return dump;
};

/** Sends a bad request: 400 whose message names the field, and the database exactly as before. */
const refused = async (person: TestPerson | null, method: Method, path: string, body: object | undefined, field: string | RegExp) => {
  const before = await everything();
  const response = await send(person, method, path, body);
  expect({ status: response.status, message: response.body?.error?.message }).toEqual({
    status: 400,
    message: typeof field === 'string' ? expect.stringContaining(field) : expect.stringMatching(field),
  });
  expect(await everything()).toEqual(before);
  return response;
};

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK'));
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
  app.strapi.config.set('plugin::participation.forum.rateLimits.reportsPerHourPerAddress', 10_000);
  moderator = await createPerson(app.strapi, 'moderator', ['SHK']);
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  citizen = await createPerson(app.strapi, 'citizen');
  otherCitizen = await createPerson(app.strapi, 'citizen');
  await app.strapi.plugin('participation').service('budget-line').create('SHK', {
    fiscalYear: 2026, code: '1040-01', name: 'Social care services', programme: null, functionalClassification: null,
    approvedMinor: '100000000', revisedMinor: '100000000', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
  });
  roundId = await createRound(app.strapi, 'SHK', { phase: 'proposals', totalBudgetMinor: '100000000' });

  const forum = await send(staff, 'post', '/municipalities/SHK/forums', { data: { title: 'Town square' } });
  forumId = forum.body.data.documentId;
  const thread = await send(citizen, 'post', `/forums/${forumId}/threads`, { data: { title: 'Lights in the park', body: '<p>The park is dark.</p>' } });
  threadId = thread.body.data.documentId;
  postId = thread.body.data.firstPost.documentId;

  const group = await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: 'LSDG Shkodër' } });
  groupId = group.body.data.documentId;
  heldMeetingId = (await send(facilitator, 'post', '/municipalities/SHK/meetings', meeting())).body.data.documentId;
  futureMeetingId = (await send(facilitator, 'post', '/municipalities/SHK/meetings', meeting({ startsAt: '2099-04-10T10:00:00+02:00' }))).body.data.documentId;
  const minutes = await send(facilitator, 'post', `/municipalities/SHK/meetings/${heldMeetingId}/minutes`, {
    data: { minutes: '<p>Notes</p>', commitments: [{ kind: 'commitment', text: 'Publish the plan.', owner: 'Social services' }] },
  });
  commitmentId = minutes.body.data.commitments[0].documentId;

  const consultation = await send(facilitator, 'post', '/municipalities/SHK/consultations', {
    data: { topic: 'Youth services', questions: [{ id: 'priorities', text: 'What matters most?' }], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-12-31T00:00:00Z' },
  });
  consultationId = consultation.body.data.documentId;
  await send(facilitator, 'post', `/municipalities/SHK/consultations/${consultationId}/transitions`, { action: 'open' });
  for (const id of [forumId, threadId, postId, groupId, heldMeetingId, futureMeetingId, commitmentId, consultationId]) expect(id).toEqual(expect.any(String));
});
afterAll(async () => {
  await app?.close();
});

describe('text the database cannot store: NUL bytes and lone surrogates', () => {
  const NUL = 'Town\u0000square';
  const SURROGATE = 'Town square \ud800';

  it('refuses a NUL byte in titles, bodies, names and references', async () => {
    await refused(staff, 'post', '/municipalities/SHK/forums', { data: { title: NUL } }, 'data.title');
    await refused(citizen, 'post', `/forums/${forumId}/threads`, { data: { title: 'A thread', body: `<p>${NUL}</p>` } }, 'data.body');
    await refused(citizen, 'post', `/threads/${threadId}/posts`, { data: { body: `<p>${NUL}</p>` } }, 'data.body');
    await refused(citizen, 'post', `/rounds/${roundId}/proposals`, proposal({ title: NUL }), 'data.title');
    await refused(staff, 'post', '/municipalities/SHK/budget-lines', { data: { fiscalYear: 2026, code: 'NUL-1', name: NUL, approved: '100' } }, 'data.name');
    await refused(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: NUL } }, 'data.name');
    await refused(staff, 'post', '/municipalities/SHK/decisions', {
      data: { kind: 'approve', subject: { kind: 'budget-line', code: '1040-01', fiscalYear: 2026 }, amount: '100', councilDecisionReference: NUL, decisionDate: '2026-03-01', rationale: 'The council agreed.' },
    }, 'data.councilDecisionReference');
    await refused(facilitator, 'post', `/municipalities/SHK/consultations/${consultationId}/offline-inputs`, {
      data: { channel: 'paper', offlineReference: NUL, answers: [{ questionId: 'priorities', text: 'A youth centre.' }], consent: { given: true, method: 'signed-form' } },
    }, 'data.offlineReference');
    await refused(null, 'post', '/api/auth/local/register', { username: 'new\u0000comer', email: 'newcomer@example.test', password: 'Correct-Horse-9' }, 'username');
  });

  it('refuses a NUL byte in query values and path segments', async () => {
    await refused(null, 'get', '/forums?municipality=%00', undefined, 'municipality');
    await refused(null, 'get', '/budget-lines?municipality=SHK%00', undefined, 'municipality');
    await refused(null, 'get', '/meetings?municipality=%00', undefined, 'municipality');
    await refused(null, 'get', '/forums/abc%00', undefined, 'path');
  });

  it('refuses a lone surrogate in a post body, a consultation answer and a self-description', async () => {
    await refused(citizen, 'post', `/threads/${threadId}/posts`, { data: { body: `<p>${SURROGATE}</p>` } }, 'data.body');
    await refused(citizen, 'post', `/consultations/${consultationId}/inputs`, consultationInput(SURROGATE), 'data.answers.0.text');
    await refused(citizen, 'put', '/me/demographics', { data: { gender: 'self-described', genderSelfDescription: SURROGATE, consent: true } }, 'data.genderSelfDescription');
  });

  it('takes the same post once it is well-formed: the refused attempt left nothing behind to call a duplicate', async () => {
    const body = '<p>The lights went out again on Friday.</p>';
    await refused(citizen, 'post', `/threads/${threadId}/posts`, { data: { body: `${body}\ud800` } }, 'data.body');
    expect((await send(citizen, 'post', `/threads/${threadId}/posts`, { data: { body } })).status).toBe(201);
  });
});

describe('lengths agree with the columns', () => {
  /** [route, value at the limit, the same one character longer, field, where the value is stored] */
  const cases: Array<{
    name: string;
    send: (value: string) => ReturnType<typeof send>;
    max: number;
    field: string;
    stored: () => Promise<unknown>;
  }> = [];
  const column = (table: string, name: string) => async () => (await knex()(table).orderBy('id', 'desc').first(name))?.[name];
  cases.push(
    { name: 'proposal location', max: 300, field: 'data.location', send: (location) => send(citizen, 'post', `/rounds/${roundId}/proposals`, proposal({ location })), stored: column('participation_proposals', 'location') },
    { name: 'registration accessibility needs', max: 500, field: 'data.accessibilityNeeds', send: (accessibilityNeeds) => send(otherCitizen, 'put', `/meetings/${futureMeetingId}/registration`, { data: { accessibilityNeeds } }), stored: column('participation_meeting_registrations', 'accessibility_needs') },
    { name: 'report note', max: 500, field: 'data.note', send: (note) => send(otherCitizen, 'post', `/posts/${postId}/reports`, { data: { reason: 'other', note } }), stored: column('participation_post_reports', 'note') },
    { name: 'budget line name', max: 300, field: 'data.name', send: (name) => send(staff, 'post', '/municipalities/SHK/budget-lines', { data: { fiscalYear: 2026, code: `LONG-${name.length}`, name, approved: '100' } }), stored: column('participation_budget_lines', 'name') },
    { name: 'meeting place', max: 300, field: 'data.place', send: (place) => send(facilitator, 'post', '/municipalities/SHK/meetings', meeting({ place })), stored: column('participation_meetings', 'place') },
    { name: 'meeting online link', max: 500, field: 'data.onlineLink', send: (tail) => send(facilitator, 'post', '/municipalities/SHK/meetings', meeting({ onlineLink: `https://meet.example.org/${tail.slice(25)}` })), stored: column('participation_meetings', 'online_link') },
    { name: 'moderation note', max: 500, field: 'data.note', send: (note) => send(moderator, 'post', `/municipalities/SHK/posts/${postId}/moderation`, { data: { action: 'hide', reason: 'spam', note } }), stored: column('participation_moderation_actions', 'note') },
    { name: 'suspension note', max: 500, field: 'data.note', send: (note) => send(moderator, 'post', `/municipalities/SHK/forums/${forumId}/suspensions`, { data: { userId: otherCitizen.id, days: 1, reason: 'spam', note } }), stored: column('participation_moderation_actions', 'note') },
    { name: 'commitment status note', max: 1000, field: 'data.statusNote', send: (statusNote) => send(staff, 'put', `/municipalities/SHK/commitments/${commitmentId}`, { data: { status: 'in-progress', statusNote } }), stored: column('participation_commitments', 'status_note') },
  );

  it.each(cases.map((entry) => [entry.name, entry] as const))('stores a %s as long as validation allows, whole, and refuses a longer one', async (_name, entry) => {
    const atLimit = 'ë'.repeat(entry.max);
    const accepted = await entry.send(atLimit);
    expect({ status: accepted.status, error: accepted.body?.error?.message }).toEqual({ status: expect.any(Number), error: undefined });
    expect(String(await entry.stored())).toHaveLength(entry.max);
    const before = await everything();
    const tooLong = await entry.send(`${atLimit}ë`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain(entry.field);
    expect(await everything()).toEqual(before);
  });
});

describe('plain text is plain: markup is refused in every plain-text field', () => {
  const MARKUP = 'Park <svg/onload=alert(1)>';

  it('refuses markup in proposals, rounds, budget lines and reviews, naming the field', async () => {
    for (const field of ['title', 'description', 'location', 'easyReadSummary']) {
      await refused(citizen, 'post', `/rounds/${roundId}/proposals`, proposal({ [field]: `${MARKUP} is what we need` }), `data.${field}`);
    }
    await refused(citizen, 'post', `/rounds/${roundId}/proposals`, proposal({ genderMarker: 'closes_gender_gaps', genderImpactStatement: MARKUP }), 'data.genderImpactStatement');
    const round = {
      fiscalYear: 2026, title: 'Youth budget', totalBudget: '1000', districts: [{ code: 'D1', name: 'Centre', budget: '100' }],
      ballotRules: { kind: 'approval', countingRule: 'greedy_cost' }, eligibility: { residentsOnly: false },
    };
    await refused(staff, 'post', '/municipalities/SHK/rounds', { data: { ...round, title: MARKUP } }, 'data.title');
    await refused(staff, 'post', '/municipalities/SHK/rounds', { data: { ...round, description: MARKUP } }, 'data.description');
    await refused(staff, 'post', '/municipalities/SHK/rounds', { data: { ...round, districts: [{ code: 'D1', name: MARKUP, budget: '100' }] } }, 'data.districts.0.name');
    await refused(staff, 'post', '/municipalities/SHK/budget-lines', { data: { fiscalYear: 2026, code: 'XSS-1', name: MARKUP, approved: '100' } }, 'data.name');
    await refused(staff, 'post', '/municipalities/SHK/budget-lines', { data: { fiscalYear: 2026, code: 'XSS-2', name: 'Parks', programme: MARKUP, approved: '100' } }, 'data.programme');
    const proposalId = (await send(citizen, 'post', `/rounds/${roundId}/proposals`, proposal({ title: 'Bins by the river' }))).body.data.documentId;
    await refused(staff, 'post', `/municipalities/SHK/proposals/${proposalId}/review`, { action: 'mark-infeasible', reason: `${MARKUP} cannot be built` }, 'reason');
  });

  it('accepts text that merely mentions angle brackets, and keeps it as written', async () => {
    const created = await send(citizen, 'post', `/rounds/${roundId}/proposals`, proposal({ title: 'Playground for children <6 & parents', location: 'Between "Rruga A" & the river' }));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ title: 'Playground for children <6 & parents', location: 'Between "Rruga A" & the river' });
  });

  it('takes only http(s) links for meetings', async () => {
    for (const onlineLink of ['javascript:alert(1)', 'https://meet.example.org/"><svg/onload=alert(1)>', 'ftp://files.example.org/x', 'https://']) {
      await refused(facilitator, 'post', '/municipalities/SHK/meetings', meeting({ onlineLink }), 'data.onlineLink');
    }
    const created = await send(facilitator, 'post', '/municipalities/SHK/meetings', meeting({ onlineLink: 'https://meet.example.org/lsdg-shkoder?pwd=1' }));
    expect(created.status).toBe(201);
    expect(created.body.data.onlineLink).toBe('https://meet.example.org/lsdg-shkoder?pwd=1');
  });

  it('refuses markup as a username, so it never becomes a post author name', async () => {
    await refused(null, 'post', '/api/auth/local/register', { username: '<svg/onload=alert(1)>', email: 'svg@example.test', password: 'Correct-Horse-9' }, 'username');
    // Author names are stored beside each post in a 100-character column.
    await refused(null, 'post', '/api/auth/local/register', { username: 'a'.repeat(101), email: 'long@example.test', password: 'Correct-Horse-9' }, 'username');
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: citizen.id } });
    await expect(app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { username: '<img src=x onerror=alert(1)>' } })).rejects.toThrow(/username/);
    const registered = await send(null, 'post', '/api/auth/local/register', { username: 'drita.k', email: 'drita@example.test', password: 'Correct-Horse-9' });
    expect(registered.status).toBe(200);
  });
});

describe('a post is stored with its events, or not at all', () => {
  /** The realtime event table refuses the thread's events: the database, not the app, fails the write. */
  const refuseThreadEvents = async (on: boolean) => {
    const room = `thread:${threadId}`;
    if (app.engine === 'postgres') {
      if (on) {
        await knex().raw(`CREATE FUNCTION test_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'event refused by the test'; END $$`);
        await knex().raw(`CREATE TRIGGER test_refuse_event BEFORE INSERT ON participation_realtime_events FOR EACH ROW WHEN (NEW.room = '${room}') EXECUTE FUNCTION test_refuse_event()`);
      } else {
        await knex().raw('DROP TRIGGER test_refuse_event ON participation_realtime_events');
        await knex().raw('DROP FUNCTION test_refuse_event()');
      }
    } else if (on) {
      await knex().raw(`CREATE TRIGGER test_refuse_event BEFORE INSERT ON participation_realtime_events WHEN NEW.room = '${room}' BEGIN SELECT RAISE(ABORT, 'event refused by the test'); END`);
    } else {
      await knex().raw('DROP TRIGGER test_refuse_event');
    }
  };

  it('writes nothing when its event cannot be stored, so the retry is taken', async () => {
    const body = '<p>Who do we call about the broken lamp?</p>';
    await refuseThreadEvents(true);
    try {
      const before = await everything();
      expect((await send(citizen, 'post', `/threads/${threadId}/posts`, { data: { body } })).status).toBe(500);
      expect(await everything()).toEqual(before);
    } finally {
      await refuseThreadEvents(false);
    }
    const retry = await send(citizen, 'post', `/threads/${threadId}/posts`, { data: { body } });
    expect(retry.status).toBe(201);
    const events = await send(null, 'get', `/realtime/rooms/${encodeURIComponent(`thread:${threadId}`)}/events?after=0`);
    expect(events.body.data.at(-1)).toMatchObject({ type: 'forum.post-created', payload: { post: { documentId: retry.body.data.documentId } } });
  });

  it('is durable once acknowledged: its transaction commits synchronously', async () => {
    if (app.engine === 'postgres') {
      // The database records the commit mode of the transaction that writes each post.
      await knex().raw('CREATE TABLE test_post_commit_modes (mode text)');
      await knex().raw(`CREATE FUNCTION test_record_commit_mode() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO test_post_commit_modes VALUES (current_setting('synchronous_commit')); RETURN NEW; END $$`);
      await knex().raw('CREATE TRIGGER test_record_commit_mode AFTER INSERT ON participation_forum_posts FOR EACH ROW EXECUTE FUNCTION test_record_commit_mode()');
      try {
        expect((await send(citizen, 'post', `/threads/${threadId}/posts`, { data: { body: uniqueBody() } })).status).toBe(201);
        expect((await send(citizen, 'post', `/forums/${forumId}/threads`, { data: { title: 'Another thread', body: uniqueBody() } })).status).toBe(201);
        const modes = (await knex().raw('SELECT mode FROM test_post_commit_modes')).rows.map((row: { mode: string }) => row.mode);
        expect(modes).toEqual(['on', 'on']);
      } finally {
        await knex().raw('DROP TRIGGER test_record_commit_mode ON participation_forum_posts');
        await knex().raw('DROP FUNCTION test_record_commit_mode()');
        await knex().raw('DROP TABLE test_post_commit_modes');
      }
    } else {
      // SQLite syncs every commit to disk unless told otherwise (FULL = 2, or NORMAL = 1 with a rollback journal).
      const [{ journal_mode: journal }] = await knex().raw('PRAGMA journal_mode');
      const [{ synchronous }] = await knex().raw('PRAGMA synchronous');
      expect(synchronous).toBeGreaterThanOrEqual(journal === 'wal' ? 2 : 1);
    }
  });
});

describe('requests the server cannot parse, and the favicon', () => {
  it('answers malformed JSON with 400, without logging an error', async () => {
    const errorLog = jest.spyOn(app.strapi.log, 'error');
    try {
      const response = await app.http().post(`${api}/threads/${threadId}/posts`).set(citizen.auth).set('Content-Type', 'application/json').send('{"data": {"body": "<p>x</p>"');
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: expect.stringMatching(/JSON/) });
      expect(errorLog).not.toHaveBeenCalled();
    } finally {
      errorLog.mockRestore();
    }
  });

  it('serves /favicon.ico', async () => {
    const response = await app.http().get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\//);
  });
});
