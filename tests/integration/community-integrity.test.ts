import type { TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import { sender } from '../harness/requests';
import type { ModerationQueueItem } from '../../plugins/participation/shared/contracts';

/** Issue #11: community features that let a few people, or a mistaken entry, do more than they should. */
let app: TestApp;
let staff: TestPerson;
let moderator: TestPerson;
let forumId: string;
let threadId: string;

const send = sender(() => app);
const knex = () => app.strapi.db.connection;
let bodyCounter = 0;
const post = async (person: TestPerson) => {
  const response = await send(person, 'post', `/threads/${threadId}/posts`, { data: { body: `<p>A thought on the park (${++bodyCounter})</p>` } });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK'));
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
  moderator = await createPerson(app.strapi, 'moderator', ['SHK']);
  const forum = await send(staff, 'post', '/municipalities/SHK/forums', { data: { title: 'Shkodër town square' } });
  forumId = forum.body.data.documentId;
  const thread = await send(staff, 'post', `/forums/${forumId}/threads`, { data: { title: 'Rozafa park', body: '<p>What should change?</p>' } });
  threadId = thread.body.data.documentId;
});
afterAll(() => app?.close());

describe('reports that hide a post (item 8)', () => {
  const report = (person: TestPerson, postId: string) => send(person, 'post', `/posts/${postId}/reports`, { data: { reason: 'abuse' } });
  const visibilityOf = async (postId: string) => (await knex()('participation_forum_posts').where({ document_id: postId }).first('visibility')).visibility;

  /** An account created `days` ago with three visible posts: what the default config calls established. */
  const establishedMember = async () => {
    const person = await createPerson(app.strapi, 'citizen');
    await knex()('up_users').where({ id: person.id }).update({ created_at: new Date(Date.now() - 8 * 86_400_000) });
    for (let i = 0; i < 3; i += 1) await post(person);
    return person;
  };

  it('does not let three fresh accounts hide a post; moderators still see every report', async () => {
    const author = await createPerson(app.strapi, 'citizen');
    const target = await post(author);
    for (let i = 0; i < 3; i += 1) {
      const response = await report(await createPerson(app.strapi, 'citizen'), target);
      expect(response.status).toBe(201);
      expect(response.body.data.hiddenPendingReview).toBe(false);
    }
    expect(await visibilityOf(target)).toBe('visible');
    const queue = await send(moderator, 'get', '/municipalities/SHK/moderation/queue');
    const item = queue.body.data.find((entry: ModerationQueueItem) => entry.post.documentId === target);
    expect(item).toMatchObject({ reportCount: 3, countedReportCount: 0 });
    expect(item.reports).toHaveLength(3);
  });

  it('does not count an old account that never took part, nor an active new one', async () => {
    const target = await post(await createPerson(app.strapi, 'citizen'));
    const silent = await createPerson(app.strapi, 'citizen');
    await knex()('up_users').where({ id: silent.id }).update({ created_at: new Date(Date.now() - 365 * 86_400_000) });
    const eager = await createPerson(app.strapi, 'citizen');
    for (let i = 0; i < 3; i += 1) await post(eager);
    const established = [await establishedMember(), await establishedMember()];
    for (const person of [silent, eager, ...established]) expect((await report(person, target)).status).toBe(201);
    expect(await visibilityOf(target)).toBe('visible');
  });

  it('hides a post after three reports from established members', async () => {
    const target = await post(await createPerson(app.strapi, 'citizen'));
    const members = [await establishedMember(), await establishedMember(), await establishedMember()];
    expect((await report(members[0], target)).body.data.hiddenPendingReview).toBe(false);
    expect((await report(members[1], target)).body.data.hiddenPendingReview).toBe(false);
    expect((await report(members[2], target)).body.data.hiddenPendingReview).toBe(true);
    expect(await visibilityOf(target)).toBe('pending-review');
  });

  it('refuses an author reporting their own post (400), in the database too, and records nothing', async () => {
    const author = await establishedMember();
    const own = await post(author);
    const response = await report(author, own);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/own post/);
    expect(await knex()('participation_post_reports').where({ post_document_id: own })).toHaveLength(0);
    const direct = knex()('participation_post_reports').insert({
      document_id: 'own-report-test', post_document_id: own, municipality_code: 'SHK', reporter_id: author.id, reason: 'abuse',
    });
    await expect(direct).rejects.toMatchObject({ message: expect.stringMatching(/participation_post_reports_not_own/) });
    const row = await knex()('participation_forum_posts').where({ document_id: own }).first('report_count', 'counted_report_count');
    expect([Number(row.report_count), Number(row.counted_report_count)]).toEqual([0, 0]);
  });
});

describe('reserved seats (item 23)', () => {
  let facilitator: TestPerson;
  beforeAll(async () => {
    facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  });
  const createGroup = async (reservedSeats: Array<{ category: string; seats: number }>) => {
    const created = await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: `Group ${++bodyCounter}`, reservedSeats } });
    expect(created.status).toBe(201);
    return created.body.data.documentId as string;
  };
  const addMember = (groupId: string, displayName: string, reservedSeat?: string) =>
    send(facilitator, 'post', `/municipalities/SHK/dialogue-groups/${groupId}/members`, {
      data: { memberKind: 'organisation', displayName, stakeholderType: 'cso', ...(reservedSeat ? { reservedSeat } : {}) },
    });
  const seatsOf = async (groupId: string) => (await send(null, 'get', `/dialogue-groups/${groupId}`)).body.data.reservedSeats;

  it('refuses a second member in a one-seat reservation (409) and shows the seat filled once', async () => {
    const groupId = await createGroup([{ category: 'women', seats: 1 }]);
    expect((await addMember(groupId, "Women's centre", 'women')).status).toBe(201);
    const second = await addMember(groupId, 'Women in business', 'women');
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/seats reserved for women are taken/);
    expect(await seatsOf(groupId)).toEqual([{ category: 'women', seats: 1, filled: 1, vacant: 0 }]);
    expect((await addMember(groupId, 'Youth council')).status).toBe(201);
  });

  it('seats one of many members joining at once', async () => {
    const groupId = await createGroup([{ category: 'persons_with_disabilities', seats: 1 }]);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => addMember(groupId, `Association ${i}`, 'persons_with_disabilities')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await knex()('participation_dialogue_group_members').where({ group_document_id: groupId, reserved_seat: 'persons_with_disabilities' });
    expect(rows).toHaveLength(1);
  });

  it('keeps the database guard under concurrent transactions: the second waits for the first, then is refused', async () => {
    const groupId = await createGroup([{ category: 'roma_and_egyptians', seats: 1 }]);
    const row = (name: string) => ({
      document_id: `seat-${++bodyCounter}`, group_document_id: groupId, member_kind: 'organisation', display_name: name, stakeholder_type: 'cso', group_role: 'member', reserved_seat: 'roma_and_egyptians',
    });
    const first = await knex().transaction();
    await first('participation_dialogue_group_members').insert(row('Roma women network'));
    // Started while the first is uncommitted (another connection on PostgreSQL; queued behind it on SQLite).
    const second = knex()('participation_dialogue_group_members').insert(row('Egyptian community association')).then(() => 'inserted', (error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await first.commit();
    expect(await second).toMatch(/participation_dialogue_group_members_seats/);
  });

  it('refuses, in the database, a member beyond the seats and fewer seats than members hold', async () => {
    const groupId = await createGroup([{ category: 'youth', seats: 1 }]);
    expect((await addMember(groupId, 'Youth council', 'youth')).status).toBe(201);
    const row = (name: string, reservedSeat: string) => ({
      document_id: `seat-${++bodyCounter}`, group_document_id: groupId, member_kind: 'organisation', display_name: name, stakeholder_type: 'cso', group_role: 'member', reserved_seat: reservedSeat,
    });
    await expect(knex()('participation_dialogue_group_members').insert(row('Second youth group', 'youth'))).rejects.toMatchObject({ message: expect.stringMatching(/participation_dialogue_group_members_seats/) });
    await expect(knex()('participation_dialogue_group_members').insert(row('Elderly forum', 'elderly'))).rejects.toMatchObject({ message: expect.stringMatching(/participation_dialogue_group_members_seats/) });
    const shrink = await send(facilitator, 'put', `/municipalities/SHK/dialogue-groups/${groupId}`, { data: { name: 'Smaller', reservedSeats: [] } });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error.message).toMatch(/youth/);
    await expect(knex()('participation_dialogue_groups').where({ document_id: groupId }).update({ reserved_seats: '[]' })).rejects.toMatchObject({
      message: expect.stringMatching(/participation_dialogue_groups_seats_cover_members/),
    });
    expect(await seatsOf(groupId)).toEqual([{ category: 'youth', seats: 1, filled: 1, vacant: 0 }]);
  });

  it('frees the seat when its member leaves', async () => {
    const groupId = await createGroup([{ category: 'elderly', seats: 1 }]);
    const first = await addMember(groupId, 'Pensioners association', 'elderly');
    const memberId = first.body.data.members[0].documentId;
    expect((await send(facilitator, 'delete', `/municipalities/SHK/dialogue-groups/${groupId}/members/${memberId}`)).status).toBe(200);
    expect((await addMember(groupId, 'Elderly care network', 'elderly')).status).toBe(201);
    expect(await seatsOf(groupId)).toEqual([{ category: 'elderly', seats: 1, filled: 1, vacant: 0 }]);
  });
});

describe('lifting a suspension (item 24)', () => {
  const suspend = (by: TestPerson, userId: number) => send(by, 'post', `/municipalities/SHK/forums/${forumId}/suspensions`, { data: { userId, days: 7, reason: 'abuse' } });
  const lift = (by: TestPerson, userId: number) => send(by, 'post', `/municipalities/SHK/forums/${forumId}/suspensions/${userId}/lift`, { data: { reason: 'appeal-upheld', note: 'The post was quoted out of context.' } });

  it('lets a moderator of the municipality lift a suspension early: the member posts again, the action is logged', async () => {
    const member = await createPerson(app.strapi, 'citizen');
    expect((await suspend(moderator, member.id)).status).toBe(201);
    const refused = await send(member, 'post', `/threads/${threadId}/posts`, { data: { body: '<p>Still here</p>' } });
    expect(refused.status).toBe(403);
    const lifted = await lift(moderator, member.id);
    expect(lifted.status).toBe(200);
    expect(lifted.body.data).toMatchObject({ userId: member.id, forumDocumentId: forumId, liftedAt: expect.any(String) });
    await post(member);
    expect((await lift(moderator, member.id)).status).toBe(404);
    const summary = await send(null, 'get', '/municipalities/SHK/moderation/summary');
    expect(summary.body.data.actions).toContainEqual({ action: 'lift-suspension', reason: 'appeal-upheld', count: 1 });
    const kept = await knex()('participation_forum_suspensions').where({ user_id: member.id }).first('lifted_at', 'lifted_by_id');
    expect(kept.lifted_at).not.toBeNull();
    expect(Number(kept.lifted_by_id)).toBe(moderator.id);
  });

  it('does not let a suspended moderator lift their own suspension', async () => {
    const colleague = await createPerson(app.strapi, 'moderator', ['SHK']);
    expect((await suspend(moderator, colleague.id)).status).toBe(201);
    const own = await lift(colleague, colleague.id);
    expect(own.status).toBe(400);
    expect(own.body.error.message).toMatch(/userId/);
    expect((await send(colleague, 'post', `/threads/${threadId}/posts`, { data: { body: '<p>Back</p>' } })).status).toBe(403);
  });

  it('refuses an unknown reason, naming the field', async () => {
    const response = await send(moderator, 'post', `/municipalities/SHK/forums/${forumId}/suspensions/${staff.id}/lift`, { data: { reason: 'because' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/data\.reason/);
  });
});

describe('offline consultation input (item 24)', () => {
  it('refuses the same offline reference twice for a consultation (409), in the database too', async () => {
    const facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
    const created = await send(facilitator, 'post', '/municipalities/SHK/consultations', {
      data: { topic: 'Youth services', questions: [{ id: 'priorities', text: 'What matters most?' }], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    });
    const consultationId = created.body.data.documentId;
    await send(facilitator, 'post', `/municipalities/SHK/consultations/${consultationId}/transitions`, { action: 'open' });
    const form = (offlineReference: string) =>
      send(facilitator, 'post', `/municipalities/SHK/consultations/${consultationId}/offline-inputs`, {
        data: { channel: 'paper', offlineReference, answers: [{ questionId: 'priorities', text: 'Evening opening hours.' }], consent: { given: true, method: 'signed-form' } },
      });
    expect((await form('Form SHK-0042')).status).toBe(201);
    const again = await form('Form SHK-0042');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/Form SHK-0042/);
    expect((await form('Form SHK-0043')).status).toBe(201);
    const direct = knex()('participation_consultation_inputs').insert({ document_id: 'dup-form', consultation_document_id: consultationId, channel: 'paper', offline_reference: 'Form SHK-0042', answers: '[]' });
    await expect(direct).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE|duplicate key/) });
    expect(await knex()('participation_consultation_inputs').where({ consultation_document_id: consultationId })).toHaveLength(2);
  });
});

describe('meetings before they start (item 24)', () => {
  it('refuses attendance and minutes before the meeting starts (409), and takes them once it has', async () => {
    const facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
    const group = await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: 'LSDG for meetings' } });
    const meetingBody = (startsAt: string) => ({ data: { groupDocumentId: group.body.data.documentId, title: 'First reading', startsAt, place: 'City hall' } });
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const meeting = await send(facilitator, 'post', '/municipalities/SHK/meetings', meetingBody(inAnHour));
    const meetingId = meeting.body.data.documentId;
    const attendance = () => send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/attendance`, { data: { attendees: [{ offlineReference: 'Sheet line 1' }] } });
    const minutes = () => send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/minutes`, { data: { minutes: '<p>We met.</p>' } });
    for (const early of [await attendance(), await minutes()]) {
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/starts at/);
    }
    expect(await knex()('participation_meeting_attendances').where({ meeting_document_id: meetingId })).toHaveLength(0);
    const started = new Date(Date.now() - 60_000).toISOString();
    expect((await send(facilitator, 'put', `/municipalities/SHK/meetings/${meetingId}`, meetingBody(started))).status).toBe(200);
    expect((await attendance()).status).toBe(200);
    expect((await minutes()).status).toBe(201);
  });

  it('counts a paper attendance line once: the same reference again, or twice in one sheet, is a 409 that records nothing, in the database too', async () => {
    const facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
    const group = await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: 'LSDG for paper sheets' } });
    const started = new Date(Date.now() - 60_000).toISOString();
    const meeting = await send(facilitator, 'post', '/municipalities/SHK/meetings', { data: { groupDocumentId: group.body.data.documentId, title: 'Second reading', startsAt: started, place: 'City hall' } });
    const meetingId = meeting.body.data.documentId;
    const sheet = (...references: string[]) =>
      send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/attendance`, { data: { attendees: references.map((offlineReference) => ({ offlineReference })) } });
    const lines = () => knex()('participation_meeting_attendances').where({ meeting_document_id: meetingId });
    expect((await sheet('Sheet 2 line 1')).status).toBe(200);
    for (const repeated of [await sheet('Sheet 2 line 2', 'Sheet 2 line 1'), await sheet('Sheet 2 line 3', 'Sheet 2 line 3')]) {
      expect(repeated.status).toBe(409);
      expect(repeated.body.error.message).toMatch(/Sheet 2 line (1|3)/);
    }
    expect(await lines()).toHaveLength(1);
    const [first] = await lines();
    const { id, document_id, ...copy } = first;
    await expect(knex()('participation_meeting_attendances').insert({ ...copy, document_id: `${document_id}x` })).rejects.toThrow(/unique|UNIQUE|duplicate/);
  });
});

describe("registrants' accessibility needs (item 27)", () => {
  it('shows staff and facilitators of the municipality who registered and what they need, and nobody else', async () => {
    await createMunicipality(app.strapi, 'KOR');
    const facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
    const korStaff = await createPerson(app.strapi, 'municipal-staff', ['KOR']);
    const group = await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: 'LSDG with registrations' } });
    const meeting = await send(facilitator, 'post', '/municipalities/SHK/meetings', {
      data: { groupDocumentId: group.body.data.documentId, title: 'Open session', startsAt: '2099-03-01T10:00:00Z', place: 'City hall', accessibility: ['sign-language'] },
    });
    const meetingId = meeting.body.data.documentId;
    const deaf = await createPerson(app.strapi, 'citizen');
    const other = await createPerson(app.strapi, 'citizen');
    expect((await send(deaf, 'put', `/meetings/${meetingId}/registration`, { data: { accessibilityNeeds: 'Albanian sign language interpreter, front row' } })).status).toBe(200);
    expect((await send(other, 'put', `/meetings/${meetingId}/registration`, { data: {} })).status).toBe(200);

    const path = `/municipalities/SHK/meetings/${meetingId}/registrations`;
    for (const organiser of [staff, facilitator]) {
      const list = await send(organiser, 'get', path);
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([
        { username: deaf.username, accessibilityNeeds: 'Albanian sign language interpreter, front row', registeredAt: expect.any(String) },
        { username: other.username, accessibilityNeeds: null, registeredAt: expect.any(String) },
      ]);
      expect(list.body.meta.pagination).toMatchObject({ total: 2 });
      expect(JSON.stringify(list.body)).not.toMatch(/email|userId/);
    }
    for (const outsider of [moderator, deaf, korStaff]) expect((await send(outsider, 'get', path)).status).toBe(403);
    expect((await send(null, 'get', path)).status).not.toBe(200);
    expect((await send(korStaff, 'get', `/municipalities/KOR/meetings/${meetingId}/registrations`)).status).toBe(404);
    expect(JSON.stringify((await send(null, 'get', `/meetings/${meetingId}`)).body)).not.toMatch(/sign language interpreter/);
  });
});

describe('one consent shape for what facilitators record (item 29)', () => {
  let facilitator: TestPerson;
  let consultationId: string;
  let meetingId: string;
  let roundId: string;
  const CONSENT = { given: true, method: 'guardian', note: 'Her mother signed the form.' };

  beforeAll(async () => {
    facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
    const consultation = await send(facilitator, 'post', '/municipalities/SHK/consultations', {
      data: { topic: 'Parks', questions: [{ id: 'q', text: 'What should change?' }], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    });
    consultationId = consultation.body.data.documentId;
    await send(facilitator, 'post', `/municipalities/SHK/consultations/${consultationId}/transitions`, { action: 'open' });
    const group = await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', { data: { name: 'LSDG for consent' } });
    const meeting = await send(facilitator, 'post', '/municipalities/SHK/meetings', { data: { groupDocumentId: group.body.data.documentId, title: 'Held', startsAt: '2026-06-01T10:00:00Z', place: 'Hall' } });
    meetingId = meeting.body.data.documentId;
    const round = await app.strapi.documents('plugin::participation.round').create({
      data: { municipalityCode: 'SHK', fiscalYear: 2026, title: 'Round', totalBudgetMinor: '1000', ballotRules: { kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id' }, eligibility: { residentsOnly: false, verifiedParticipantsOnly: false }, phase: 'draft' },
    });
    roundId = round.documentId;
  });

  const offlineInput = (consent: object, offlineReference = `Form ${++bodyCounter}`) =>
    send(facilitator, 'post', `/municipalities/SHK/consultations/${consultationId}/offline-inputs`, { data: { channel: 'paper', offlineReference, answers: [{ questionId: 'q', text: 'More benches.' }], consent } });
  const attendanceLine = (line: object, offlineReference = `Line ${++bodyCounter}`) =>
    send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/attendance`, { data: { attendees: [{ offlineReference, ...line }] } });
  const assistedBallot = (consent: object) =>
    send(facilitator, 'post', `/municipalities/SHK/rounds/${roundId}/assisted-ballots`, {
      channel: 'paper', participant: { offlineReference: 'Form 0001', residenceMunicipalityCode: 'SHK' }, consent, choices: { projects: ['x'] },
    });

  it('takes { given: true, method, note? } for offline input, a paper attendance line and an assisted ballot, and keeps method and note', async () => {
    const reference = `Form ${++bodyCounter}`;
    expect((await offlineInput(CONSENT, reference)).status).toBe(201);
    const input = await knex()('participation_consultation_inputs').where({ offline_reference: reference }).first('consent_method', 'consent_note', 'consent_recorded_at');
    expect(input).toMatchObject({ consent_method: 'guardian', consent_note: 'Her mother signed the form.' });
    expect(input.consent_recorded_at).not.toBeNull();

    const lineReference = `Line ${++bodyCounter}`;
    const line = await attendanceLine({ consent: CONSENT, demographics: { gender: 'woman', consent: true } }, lineReference);
    expect(line.status).toBe(200);
    const attendance = await knex()('participation_meeting_attendances').where({ meeting_document_id: meetingId, offline_reference: lineReference }).first('consent_method', 'consent_note', 'consent_recorded_at');
    expect(attendance).toMatchObject({ consent_method: 'guardian', consent_note: 'Her mother signed the form.' });
    expect(attendance.consent_recorded_at).not.toBeNull();

    // The round is a draft: the consent passes validation and the refusal is about the round (409), not the body.
    expect((await assistedBallot(CONSENT)).status).toBe(409);
  });

  it('refuses consent without a method, or not given, the same way everywhere (400 naming the field)', async () => {
    for (const [consent, field] of [[{ given: true }, 'consent.method'], [{ given: false, method: 'verbal' }, 'consent.given']] as const) {
      const answers = [await offlineInput(consent), await attendanceLine({ consent, demographics: { gender: 'man', consent: true } }), await assistedBallot(consent)];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body.error.message).toContain(field);
      }
    }
  });

  it('keeps a paper line’s demographics only with recorded consent', async () => {
    const response = await attendanceLine({ demographics: { gender: 'woman', consent: true } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/consent/);
    expect((await attendanceLine({})).status).toBe(200);
  });
});
