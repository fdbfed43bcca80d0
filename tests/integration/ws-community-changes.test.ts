import type { TestApp } from '../harness/app';
import { bootWithMunicipality } from '../harness/fixtures';
import { createCommunity, type CommunityFixtures } from '../harness/community';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { signedInPortalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';

/**
 * What a facilitator changes after creating it (#15, items 12 and 13), through the portal's forms with
 * JavaScript off: a draft consultation, a dialogue group, a meeting (rescheduled or cancelled, those
 * registered told), a member added by their account, and an offline answer with the person's
 * demographics. Bad input comes back beside its field with the values kept and nothing written; the
 * wrong role, and the right role of another municipality, are refused as the content API refuses them.
 */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
let fixtures: CommunityFixtures;
let other: CommunityFixtures;

const HOUR = 3_600_000;
const ws = (path: string, code = 'WCC') => `/en/workspace/${code}${path}`;

const scheduleMeeting = async (title: string, startsInHours: number, group = fixtures.group, code = 'WCC') =>
  (
    await getService(app.strapi, 'meeting').create(
      code,
      { groupDocumentId: group, title, startsAt: new Date(Date.now() + startsInHours * HOUR).toISOString(), place: 'Community centre', accessibility: [], status: 'scheduled' } as never,
      facilitator.id
    )
  ).documentId;

const draftConsultation = async (code = 'WCC') =>
  (
    await getService(app.strapi, 'consultation').create(
      code,
      { topic: 'Parks', questions: [{ id: 'q1', text: 'Which park needs work?' }], targetGroups: [], opensAt: '2027-03-01T00:00:00.000Z', closesAt: '2027-03-31T20:00:00.000Z' },
      facilitator.id
    )
  ).documentId;

const meetingNotices = async (userId: number) =>
  (await getService(app.strapi, 'notifications').list(userId, { limit: 50 })).items.filter((item) => item.payload.topic === 'meeting-changed');

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('WCC', 'Community C'));
  await createMunicipality(app.strapi, 'WCD', 'Community D');
  fixtures = await createCommunity(app.strapi, 'WCC');
  other = await createCommunity(app.strapi, 'WCD');
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['WCC']);
});
afterAll(async () => {
  await app?.close();
});

describe('who may change what in the community workspaces', () => {
  it('opens the change and cancel pages to the municipality’s facilitator and staff, and refuses them to anyone else', async () => {
    const draft = await draftConsultation();
    const meeting = await scheduleMeeting('Planning session', 48);
    const paths = [`/consultations/${draft}/edit`, `/dialogue-groups/${fixtures.group}/edit`, `/meetings/${meeting}/edit`, `/meetings/${meeting}/cancel`];
    for (const person of [facilitator, staff]) {
      const client = await signedInPortalClient(app, person);
      for (const path of paths) expect([path, (await client.get(ws(path))).status]).toEqual([path, 200]);
    }
    const refused = [
      await createPerson(app.strapi, 'moderator', ['WCC']),
      await createPerson(app.strapi, 'citizen'),
      await createPerson(app.strapi, 'cso-facilitator', ['WCD']),
      await createPerson(app.strapi, 'municipal-staff', ['WCD']),
    ];
    for (const person of refused) {
      const client = await signedInPortalClient(app, person);
      for (const path of paths) expect([path, (await client.get(ws(path))).status]).toEqual([path, 403]);
    }
    // A form posted by a facilitator of another municipality changes nothing.
    const outsider = await signedInPortalClient(app, refused[2]);
    await outsider.get(ws('/consultations', 'WCD'));
    expect((await outsider.post(ws(`/meetings/${meeting}/cancel`), {})).status).toBe(403);
    expect((await outsider.post(ws(`/dialogue-groups/${fixtures.group}/edit`), { name: 'Taken over' })).status).toBe(403);
    expect((await getService(app.strapi, 'meeting').findOne(meeting)).status).toBe('scheduled');
    expect((await getService(app.strapi, 'dialogue-group').findOne(fixtures.group)).name).toBe('Social care dialogue group');
  });

  it('does not find another municipality’s records under this municipality’s workspace', async () => {
    const both = await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['WCC', 'WCD']));
    const draft = await draftConsultation('WCD');
    for (const path of [`/consultations/${draft}/edit`, `/dialogue-groups/${other.group}/edit`, `/meetings/${other.comingMeeting}/edit`, `/meetings/${other.comingMeeting}/cancel`]) {
      expect([path, (await both.get(ws(path))).status]).toEqual([path, 404]);
      expect([path, (await both.get(ws(path, 'WCD'))).status]).toEqual([path, 200]);
    }
    expect((await both.post(ws(`/meetings/${other.comingMeeting}/cancel`), {})).status).toBe(404);
    expect((await getService(app.strapi, 'meeting').findOne(other.comingMeeting)).status).toBe('scheduled');
  });
});

describe('changing a draft consultation', () => {
  it('fills the form with the draft, refuses bad input beside its field, and saves the questions, documents and dates', async () => {
    const id = await draftConsultation();
    const client = await signedInPortalClient(app, facilitator);
    const form = ws(`/consultations/${id}/edit`);
    const shown = await client.get(form);
    expect(shown.body).toContain('value="Parks"');
    expect(shown.body).toContain('Which park needs work?');
    // Stored as 2027-03-31T20:00Z: the last day on Albania's clock is still the 31st.
    expect(shown.body).toContain('value="2027-03-31"');
    expect((await client.get(ws(`/consultations/${id}`))).body).toContain('/edit');

    const bad = await client.post(form, { topic: 'Parks and squares', questions: '', opensAt: '2027-04-01', closesAt: '2027-03-01' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="questions-error"');
    expect(bad.body).toContain('value="Parks and squares"');
    expect((await getService(app.strapi, 'consultation').findOne(id)).topic).toBe('Parks');

    const good = await client.post(form, {
      topic: 'Parks and squares',
      description: 'The plan for the parks is at the town hall and on the municipality’s website.',
      questions: 'Which park needs work?\nWhich square should have trees?',
      opensAt: '2027-03-08',
      closesAt: '2027-04-08',
    });
    expect(good.location).toContain('?done=changed');
    const changed = await getService(app.strapi, 'consultation').findOne(id);
    expect(changed).toMatchObject({ topic: 'Parks and squares', description: 'The plan for the parks is at the town hall and on the municipality’s website.', status: 'draft' });
    expect(changed.questions.map((question) => question.text)).toEqual(['Which park needs work?', 'Which square should have trees?']);
    expect(new Date(changed.opensAt).toISOString()).toBe('2027-03-07T23:00:00.000Z');
  });

  it('refuses to change a consultation once it is open: people may have answered its questions', async () => {
    const client = await signedInPortalClient(app, facilitator);
    const form = ws(`/consultations/${fixtures.openConsultation}/edit`);
    expect((await client.get(form)).status).toBe(409);
    await client.get(ws(`/consultations/${fixtures.openConsultation}`));
    expect((await client.post(form, { topic: 'Changed', questions: 'New?', opensAt: '2027-01-01', closesAt: '2027-02-01' })).status).toBe(409);
    expect((await getService(app.strapi, 'consultation').findOne(fixtures.openConsultation)).topic).not.toBe('Changed');
  });
});

describe('changing a dialogue group', () => {
  it('saves the description and seats, and refuses fewer seats than members hold beside the seats', async () => {
    const groups = getService(app.strapi, 'dialogue-group');
    const group = (await groups.create('WCC', { name: 'Youth forum', reservedSeats: [{ category: 'youth', seats: 2 }] }, facilitator.id)).documentId;
    await groups.addMember('WCC', group, { memberKind: 'person', displayName: 'Ana', stakeholderType: 'citizen', role: 'member', reservedSeat: 'youth' });
    const client = await signedInPortalClient(app, staff);
    const form = ws(`/dialogue-groups/${group}/edit`);
    const shown = await client.get(form);
    expect(shown.body).toContain('value="Youth forum"');
    expect(shown.body).toMatch(/name="seats-youth"[^>]*value="2"|value="2"[^>]*name="seats-youth"/);

    const bad = await client.post(form, { name: '', description: 'Young people advise the council.', 'seats-youth': '2' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="name-error"');
    expect(bad.body).toContain('Young people advise the council.');
    const tooFew = await client.post(form, { name: 'Youth forum', 'seats-youth': '0' });
    expect(tooFew.status).toBe(409);
    expect(tooFew.body).toContain('id="reservedSeats-error"');
    expect((await groups.findOne(group)).reservedSeats).toMatchObject([{ category: 'youth', seats: 2 }]);

    const good = await client.post(form, { name: 'Youth forum', description: 'Young people advise the council.', 'seats-youth': '3', 'seats-women': '1' });
    expect(good.location).toContain('?done=changed');
    const changed = await groups.findOne(group);
    expect(changed.description).toBe('Young people advise the council.');
    expect(changed.reservedSeats.map(({ category, seats }) => [category, seats]).sort()).toEqual([['women', 1], ['youth', 3]]);
  });

  it('adds a person by their account’s e-mail address or username, and says so beside the account when none has it', async () => {
    const groups = getService(app.strapi, 'dialogue-group');
    const group = (await groups.create('WCC', { name: 'Neighbourhood panel', reservedSeats: [] }, facilitator.id)).documentId;
    const resident = await createPerson(app.strapi, 'citizen');
    const neighbour = await createPerson(app.strapi, 'citizen');
    const client = await signedInPortalClient(app, facilitator);
    const page = ws(`/dialogue-groups/${group}`);
    await client.get(page);

    const unknown = await client.post(`${page}/members`, { account: 'nobody-here@example.org', memberKind: 'person', stakeholderType: 'citizen', role: 'member' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('id="account-error"');
    expect(unknown.body).toContain('value="nobody-here@example.org"');
    const organisation = await client.post(`${page}/members`, { account: neighbour.username, memberKind: 'organisation', displayName: 'Residents’ association', stakeholderType: 'cso', role: 'member' });
    expect(organisation.status).toBe(400);
    expect(organisation.body).toContain('id="account-error"');
    expect((await groups.findOne(group)).members).toEqual([]);

    expect((await client.post(`${page}/members`, { account: resident.email.toUpperCase(), memberKind: 'person', stakeholderType: 'citizen', role: 'member' })).location).toContain('?done=memberAdded');
    await client.get(page);
    expect((await client.post(`${page}/members`, { account: neighbour.username, memberKind: 'person', displayName: 'Drita from the neighbourhood', stakeholderType: 'citizen', role: 'member' })).location).toContain('?done=memberAdded');
    const members = (await app.strapi.db.query('plugin::participation.dialogue-group-member').findMany({ where: { groupDocumentId: group }, orderBy: { id: 'asc' }, select: ['displayName', 'userId'] })) as Array<{ displayName: string; userId: number }>;
    expect(members.map(({ displayName, userId }) => [displayName, Number(userId)])).toEqual([
      [resident.username, resident.id],
      ['Drita from the neighbourhood', neighbour.id],
    ]);
  });
});

describe('rescheduling and cancelling a meeting', () => {
  const RICH_AGENDA = '<p><strong>Meet at the fountain</strong></p><ul><li>Walk &amp; talk</li></ul>';
  it('fills the form with the meeting, refuses bad input, and reschedules it on the municipality’s clock, telling those registered', async () => {
    const meeting = await scheduleMeeting('Budget walk', 72);
    await getService(app.strapi, 'meeting').update('WCC', meeting, {
      groupDocumentId: fixtures.group, title: 'Budget walk', startsAt: '2027-05-04T08:00:00.000Z', place: 'Main square', accessibility: ['step-free-access'], agenda: RICH_AGENDA, status: 'scheduled',
    } as never);
    const citizen = await createPerson(app.strapi, 'citizen');
    await getService(app.strapi, 'meeting').register(meeting, citizen.id, undefined);
    const before = (await meetingNotices(citizen.id)).length;
    const client = await signedInPortalClient(app, facilitator);
    const address = ws(`/meetings/${meeting}`);
    expect((await client.get(address)).body).toContain(`${meeting}/cancel`);
    const form = await client.get(`${address}/edit`);
    expect(form.body).toContain('value="10:00"');
    expect(form.body).toContain('Meet at the fountain\nWalk &amp; talk');

    const bad = await client.post(`${address}/edit`, { title: 'Budget walk', date: '2027-05-04', startTime: '25:00', place: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="startTime-error"');
    expect(bad.body).toContain('id="place-error"');
    expect((await meetingNotices(citizen.id)).length).toBe(before);

    const moved = await client.post(`${address}/edit`, { title: 'Budget walk', date: '2027-05-11', startTime: '17:30', place: 'Main square', accessibility: 'step-free-access', agenda: 'Meet at the fountain\nWalk & talk' });
    expect(moved.location).toContain('?done=rescheduled');
    const changed = await getService(app.strapi, 'meeting').findOne(meeting);
    // The agenda's lines came back as the box showed them: its formatting is kept.
    expect(changed).toMatchObject({ startsAt: '2027-05-11T15:30:00.000Z', status: 'scheduled', agenda: RICH_AGENDA });
    expect((await meetingNotices(citizen.id)).length).toBe(before + 1);

    // A changed line is the organiser's new agenda, one paragraph a line.
    await client.get(`${address}/edit`);
    const rewritten = await client.post(`${address}/edit`, { title: 'Budget walk', date: '2027-05-11', startTime: '17:30', place: 'Main square', accessibility: 'step-free-access', agenda: 'Meet at the fountain\nWalk & talk\nTea after' });
    expect(rewritten.location).toContain('?done=rescheduled');
    expect((await getService(app.strapi, 'meeting').findOne(meeting)).agenda).toBe('<p>Meet at the fountain</p><p>Walk &amp; talk</p><p>Tea after</p>');
  });

  it('cancels only after a check, telling those registered, and then offers no more changes', async () => {
    const meeting = await scheduleMeeting('Evening hearing', 96);
    const citizen = await createPerson(app.strapi, 'citizen');
    await getService(app.strapi, 'meeting').register(meeting, citizen.id, 'A hearing loop, please');
    const client = await signedInPortalClient(app, staff);
    const address = ws(`/meetings/${meeting}`);
    const check = await client.get(`${address}/cancel`);
    expect(check.status).toBe(200);
    expect(check.body).toContain('Cancel the meeting now');
    expect((await getService(app.strapi, 'meeting').findOne(meeting)).status).toBe('scheduled');

    const cancelled = await client.post(`${address}/cancel`, {});
    expect(cancelled.location).toContain('?done=cancelled');
    expect((await getService(app.strapi, 'meeting').findOne(meeting)).status).toBe('cancelled');
    expect(await meetingNotices(citizen.id)).toHaveLength(1);
    const page = await client.get(address);
    expect(page.body).not.toContain(`${meeting}/cancel`);
    expect((await client.get(`${address}/edit`)).status).toBe(409);
    expect((await client.post(`${address}/cancel`, {})).status).toBe(409);
    expect((await client.get(ws(`/meetings/${fixtures.heldMeeting}/edit`))).status).toBe(409);
  });
});

describe('an offline answer with the person’s demographics', () => {
  const inputs = () => app.strapi.db.query('plugin::participation.consultation-input');

  it('keeps the answers about the person only with their consent to that, checked like their own declaration', async () => {
    const client = await signedInPortalClient(app, facilitator);
    const form = ws(`/consultations/${fixtures.openConsultation}/offline-inputs`);
    const shown = await client.get(form);
    expect(shown.body).toContain('name="demographicsConsent"');
    const answer = { channel: 'paper', 'answer-priorities': 'More buses.', consentGiven: 'yes', consentMethod: 'signed-form' };

    const noConsent = await client.post(form, { ...answer, offlineReference: 'Form 7', gender: 'woman', ageBand: '30-44' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body).toContain('id="demographicsConsent-error"');
    expect(noConsent.body).toContain('More buses.');
    const both = await client.post(form, { ...answer, offlineReference: 'Form 7', birthYear: '1990', ageBand: '30-44', demographicsConsent: 'yes' });
    expect(both.status).toBe(400);
    expect(both.body).toContain('id="ageBand-error"');
    const partial = await client.post(form, { ...answer, offlineReference: 'Form 7', 'wg-seeing': 'no-difficulty', demographicsConsent: 'yes' });
    expect(partial.status).toBe(400);
    expect(partial.body).toContain('id="wg-hearing-error"');
    expect(await inputs().findOne({ where: { consultationDocumentId: fixtures.openConsultation, offlineReference: 'Form 7' } })).toBeNull();

    const kept = await client.post(form, { ...answer, offlineReference: 'Form 7', gender: 'woman', ageBand: '30-44', minorityGroup: 'roma', demographicsConsent: 'yes' });
    expect(kept.status).toBe(303);
    const stored = await inputs().findOne({ where: { consultationDocumentId: fixtures.openConsultation, offlineReference: 'Form 7' }, select: ['demographics'] });
    const declaration = typeof stored.demographics === 'string' ? JSON.parse(stored.demographics) : stored.demographics;
    expect(declaration).toEqual({ gender: 'woman', ageBand: '30-44', minorityGroup: 'roma', consent: true });

    // Nothing said about the person: nothing kept, and no consent to it asked for.
    await client.get(form);
    expect((await client.post(form, { ...answer, offlineReference: 'Form 8' })).status).toBe(303);
    expect((await inputs().findOne({ where: { consultationDocumentId: fixtures.openConsultation, offlineReference: 'Form 8' }, select: ['demographics'] })).demographics).toBeNull();
  });
});
