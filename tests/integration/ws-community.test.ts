import type { TestApp } from '../harness/app';
import { bootWithMunicipality, createRound } from '../harness/fixtures';
import { createCommunity, type CommunityFixtures } from '../harness/community';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { signedInPortalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';

/**
 * The consultation and dialogue group workspaces (#15, items 12 and 13) through the portal's forms,
 * JavaScript off: each page refused to the wrong role and to the right role of another municipality,
 * another municipality's records not found, bad input answered 400 beside its field with nothing
 * written, and the irreversible acts (closing, publishing a summary or minutes) only after a check.
 */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
let fixtures: CommunityFixtures;
let other: CommunityFixtures;
/** A meeting under way, so that attendance and minutes can be taken. */
let underWay: string;
let draftConsultation: string;

const HOUR = 3_600_000;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('WCA', 'Community A'));
  await createMunicipality(app.strapi, 'WCB', 'Community B');
  fixtures = await createCommunity(app.strapi, 'WCA');
  other = await createCommunity(app.strapi, 'WCB');
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['WCA']);
  const meeting = await getService(app.strapi, 'meeting').create(
    'WCA',
    { groupDocumentId: fixtures.group, title: 'Working session under way', startsAt: new Date(Date.now() - HOUR).toISOString(), place: 'Community centre', accessibility: [], status: 'scheduled' } as never,
    facilitator.id
  );
  underWay = meeting.documentId;
  const draft = await getService(app.strapi, 'consultation').create(
    'WCA',
    { topic: 'Parks', questions: [{ id: 'q1', text: 'Which park needs work?' }], targetGroups: [], opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + 100 * HOUR).toISOString() },
    facilitator.id
  );
  draftConsultation = draft.documentId;
});
afterAll(async () => {
  await app?.close();
});

const ws = (path: string, code = 'WCA') => `/en/workspace/${code}${path}`;

/** Every page of the two workspaces, with what the access table asks of it. */
const pages = (commitmentId: string): Array<{ path: string; facilitatorOnly?: boolean }> => [
  { path: '/consultations' },
  { path: '/consultations/new' },
  { path: `/consultations/${fixtures.openConsultation}` },
  { path: `/consultations/${fixtures.openConsultation}/close` },
  { path: `/consultations/${fixtures.openConsultation}/offline-inputs`, facilitatorOnly: true },
  { path: `/consultations/${fixtures.openConsultation}/meetings/new` },
  { path: '/dialogue-groups' },
  { path: '/dialogue-groups/new' },
  { path: `/dialogue-groups/${fixtures.group}` },
  { path: `/dialogue-groups/${fixtures.group}/meetings/new` },
  { path: `/meetings/${fixtures.comingMeeting}` },
  { path: `/meetings/${underWay}/attendance/line` },
  { path: `/commitments/${commitmentId}` },
];

const commitmentsOf = async (meeting: string) => (await getService(app.strapi, 'meeting').findOne(meeting)).commitments;

describe('who may use the community workspaces', () => {
  it('opens every page to the municipality’s facilitator, and to its staff where the access table allows', async () => {
    const [commitment] = await commitmentsOf(fixtures.heldMeeting);
    const asFacilitator = await signedInPortalClient(app, facilitator);
    const asStaff = await signedInPortalClient(app, staff);
    for (const { path, facilitatorOnly } of pages(commitment.documentId)) {
      const address = ws(path);
      expect([address, (await asFacilitator.get(address)).status]).toEqual([address, 200]);
      expect([address, (await asStaff.get(address)).status]).toEqual([address, facilitatorOnly ? 403 : 200]);
    }
  });

  it('refuses every page to a moderator, a citizen and a facilitator of another municipality', async () => {
    const [commitment] = await commitmentsOf(fixtures.heldMeeting);
    const clients = [
      await signedInPortalClient(app, await createPerson(app.strapi, 'moderator', ['WCA'])),
      await signedInPortalClient(app, await createPerson(app.strapi, 'citizen')),
      await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['WCB'])),
      await signedInPortalClient(app, await createPerson(app.strapi, 'municipal-staff', ['WCB'])),
    ];
    for (const client of clients) {
      for (const { path } of pages(commitment.documentId)) {
        const address = ws(path);
        expect([address, (await client.get(address)).status]).toEqual([address, 403]);
      }
    }
    // A form posted by the wrong role changes nothing.
    const before = await getService(app.strapi, 'consultation').inputCounts('WCA', fixtures.openConsultation);
    await clients[2].get(ws('/consultations', 'WCB'));
    const refused = await clients[2].post(ws(`/consultations/${fixtures.openConsultation}/offline-inputs`), {
      channel: 'paper', offlineReference: 'Intruder 1', 'answer-priorities': 'x', consentGiven: 'yes', consentMethod: 'verbal',
    });
    expect(refused.status).toBe(403);
    expect(await getService(app.strapi, 'consultation').inputCounts('WCA', fixtures.openConsultation)).toEqual(before);
  });

  it('does not find another municipality’s records under this municipality’s workspace', async () => {
    const both = await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['WCA', 'WCB']));
    const [otherCommitment] = await commitmentsOf(other.heldMeeting);
    for (const path of [
      `/consultations/${other.openConsultation}`,
      `/consultations/${other.openConsultation}/offline-inputs`,
      `/consultations/${other.openConsultation}/close`,
      `/consultations/${other.openConsultation}/meetings/new`,
      `/dialogue-groups/${other.group}`,
      `/dialogue-groups/${other.group}/meetings/new`,
      `/meetings/${other.comingMeeting}`,
      `/commitments/${otherCommitment.documentId}`,
    ]) {
      expect([path, (await both.get(ws(path))).status]).toEqual([path, 404]);
      // …while in its own municipality's workspace it is there.
      expect([path, (await both.get(ws(path, 'WCB'))).status]).toEqual([path, 200]);
    }
    await both.get(ws('/consultations'));
    const posted = await both.post(ws(`/consultations/${other.openConsultation}/close`), {});
    expect(posted.status).toBe(404);
    expect((await getService(app.strapi, 'consultation').findOne(other.openConsultation)).status).toBe('open');
  });
});

describe('consultations', () => {
  it('prepares a consultation, refusing bad input beside its field with the values kept', async () => {
    const client = await signedInPortalClient(app, facilitator);
    await client.get(ws('/consultations/new'));
    const bad = await client.post(ws('/consultations/new'), { topic: '', questions: 'Where?\nWhen?', opensAt: '2026-13-01', closesAt: '2026-12-31' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('id="topic-error"');
    expect(bad.body).toContain('id="opensAt-error"');
    expect(bad.body).not.toContain('id="questions-error"');
    expect(bad.body).toContain('Where?\nWhen?');
    const good = await client.post(ws('/consultations/new'), { topic: 'Libraries', questions: 'Which opening hours suit you?\nWhat is missing?', opensAt: '2026-11-01', closesAt: '2027-01-31', targetGroups: 'youth' });
    expect(good.status).toBe(303);
    const id = /consultations\/([a-z0-9]+)\?done=created/.exec(good.location ?? '')![1];
    const created = await getService(app.strapi, 'consultation').findOne(id);
    expect(created).toMatchObject({ topic: 'Libraries', status: 'draft', municipalityCode: 'WCA', targetGroups: ['youth'] });
    expect(created.questions.map((question) => question.text)).toEqual(['Which opening hours suit you?', 'What is missing?']);
    // The first day from midnight, the last to 23:59, on Albania's clock.
    expect(new Date(created.opensAt).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(new Date(created.closesAt).toISOString()).toBe('2027-01-31T22:59:00.000Z');
  });

  it('enters offline answers one after another, with consent, and refuses an answer without consent or entered twice', async () => {
    const client = await signedInPortalClient(app, facilitator);
    const counts = () => getService(app.strapi, 'consultation').inputCounts('WCA', fixtures.openConsultation);
    const before = await counts();
    const form = ws(`/consultations/${fixtures.openConsultation}/offline-inputs`);
    await client.get(form);
    const noConsent = await client.post(form, { channel: 'phone', offlineReference: 'Call 1', 'answer-priorities': 'A bus at night.', consentMethod: 'verbal' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body).toContain('id="consentGiven-error"');
    expect(noConsent.body).toContain('A bus at night.');
    const noAnswer = await client.post(form, { channel: 'phone', offlineReference: 'Call 1', consentGiven: 'yes', consentMethod: 'verbal' });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body).toContain('id="answers-error"');
    expect(await counts()).toEqual(before);

    const first = await client.post(form, { channel: 'phone', offlineReference: 'Call 1', 'answer-priorities': 'A bus at night.', consentGiven: 'yes', consentMethod: 'verbal' });
    expect(first.status).toBe(303);
    expect(first.location).toContain('?done=recorded&channel=phone');
    const next = await client.get(first.location!.replace(/^https?:\/\/[^/]+/, ''));
    expect(next.body).toContain('The answer is recorded. You can enter the next one.');
    const again = await client.post(form, { channel: 'phone', offlineReference: 'Call 1', 'answer-barriers': 'Time.', consentGiven: 'yes', consentMethod: 'verbal' });
    expect(again.status).toBe(409);
    expect(again.body).toContain('id="offlineReference-error"');
    expect(await counts()).toEqual({ ...before, phone: before.phone + 1 });

    const page = await client.get(ws(`/consultations/${fixtures.openConsultation}`));
    expect(page.body).toContain('A bus at night.');
  });

  it('opens a draft, closes only after a check, and publishes what was heard only after a check', async () => {
    const client = await signedInPortalClient(app, staff);
    const service = getService(app.strapi, 'consultation');
    const address = ws(`/consultations/${draftConsultation}`);
    await client.get(address);
    expect((await client.post(`${address}/open`, {})).status).toBe(303);
    expect((await service.findOne(draftConsultation)).status).toBe('open');

    const check = await client.get(`${address}/close`);
    expect(check.status).toBe(200);
    expect(check.body).toContain('Close it now');
    expect((await service.findOne(draftConsultation)).status).toBe('open');
    expect((await client.post(`${address}/close`, {})).location).toContain('?done=closed');
    expect((await service.findOne(draftConsultation)).status).toBe('closed');

    await client.get(`${address}/summary`);
    const empty = await client.post(`${address}/summary`, { 'theme-1-title': '', 'theme-1-description': '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('id="theme-1-title-error"');
    const missing = await client.post(`${address}/summary`, { 'theme-2-title': 'Lights', 'theme-2-description': '' });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('id="theme-2-description-error"');
    // What it led to: the proposals and commitments recorded here since it opened, to tick; another
    // municipality's proposal (a forged form) is refused beside the list, the themes kept.
    const [commitment, recommendation] = await commitmentsOf(fixtures.heldMeeting);
    const form = await client.get(`${address}/summary`);
    expect(form.body).toContain(`name="proposalDocumentIds" value="${fixtures.proposal}"`);
    expect(form.body).toContain(`value="${recommendation.documentId}"`);
    expect(form.body).not.toContain(other.proposal);
    const theme = { 'theme-1-title': 'Lights', 'theme-1-description': 'Paths are dark at night.' };
    const foreign = await client.post(`${address}/summary`, { ...theme, proposalDocumentIds: other.proposal });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toContain('id="proposalDocumentIds-error"');
    expect(foreign.body).toContain('Paths are dark at night.');
    expect((await service.findOne(draftConsultation)).status).toBe('closed');

    const outcomes = { proposalDocumentIds: fixtures.proposal, commitmentDocumentIds: commitment.documentId };
    const confirm = await client.post(`${address}/summary`, { ...theme, ...outcomes });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('Publish it now');
    expect(confirm.body).toContain('Two more home carers in the villages');
    expect(confirm.body).toContain(`type="hidden" name="commitmentDocumentIds" value="${commitment.documentId}"`);
    expect((await service.findOne(draftConsultation)).status).toBe('closed');
    const published = await client.post(`${address}/summary`, { ...theme, ...outcomes, confirmed: 'yes' });
    expect(published.status).toBe(303);
    const summarised = await service.findOne(draftConsultation);
    expect(summarised.status).toBe('summarised');
    expect(summarised.summary?.themes).toEqual([{ title: 'Lights', description: 'Paths are dark at night.' }]);
    expect(summarised.summary?.proposals).toEqual([{ documentId: fixtures.proposal, title: 'Two more home carers in the villages' }]);
    expect(summarised.summary?.commitments).toEqual([{ documentId: commitment.documentId, text: commitment.text }]);
    // Nothing more to do: the forms answer 409.
    expect((await client.get(`${address}/summary`)).status).toBe(409);
  });
});

describe('dialogue groups', () => {
  it('sets up a group with reserved seats, refusing a bad seat count beside the seats', async () => {
    const client = await signedInPortalClient(app, facilitator);
    await client.get(ws('/dialogue-groups/new'));
    const bad = await client.post(ws('/dialogue-groups/new'), { name: 'Youth council', 'seats-youth': 'three' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="reservedSeats-error"');
    expect(bad.body).toContain('value="Youth council"');
    const good = await client.post(ws('/dialogue-groups/new'), { name: 'Youth council', 'seats-youth': '1', 'seats-women': '' });
    expect(good.status).toBe(303);
    const id = /dialogue-groups\/([a-z0-9]+)\?done=created/.exec(good.location ?? '')![1];
    expect((await getService(app.strapi, 'dialogue-group').findOne(id)).reservedSeats).toEqual([{ category: 'youth', seats: 1, filled: 0, vacant: 1 }]);

    const page = ws(`/dialogue-groups/${id}`);
    await client.get(page);
    const noName = await client.post(`${page}/members`, { memberKind: 'person', displayName: '', stakeholderType: 'citizen', role: 'member' });
    expect(noName.status).toBe(400);
    expect(noName.body).toContain('id="displayName-error"');
    expect((await client.post(`${page}/members`, { memberKind: 'person', displayName: 'Ana', stakeholderType: 'citizen', role: 'member', reservedSeat: 'youth' })).status).toBe(303);
    // A redirect carries no form: the next one comes from the page it leads to.
    await client.get(page);
    const full = await client.post(`${page}/members`, { memberKind: 'person', displayName: 'Besa', stakeholderType: 'citizen', role: 'member', reservedSeat: 'youth' });
    expect(full.status).toBe(409);
    expect(full.body).toContain('id="reservedSeat-error"');
    const group = await getService(app.strapi, 'dialogue-group').findOne(id);
    expect(group.members.map((member) => member.displayName)).toEqual(['Ana']);
    expect((await client.post(`${page}/members/${group.members[0].documentId}/remove`, {})).location).toContain('?done=memberRemoved');
    expect((await getService(app.strapi, 'dialogue-group').findOne(id)).members).toEqual([]);
  });

  it('schedules a meeting on the municipality’s clock, refusing a meeting without a time or a place', async () => {
    const client = await signedInPortalClient(app, facilitator);
    const form = ws(`/dialogue-groups/${fixtures.group}/meetings/new`);
    await client.get(form);
    const bad = await client.post(form, { title: 'Budget hearing', date: '2027-02-10', startTime: '', place: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="startTime-error"');
    expect(bad.body).toContain('id="place-error"');
    const good = await client.post(form, {
      title: 'Budget hearing', date: '2027-02-10', startTime: '17:00', endTime: '19:00', place: 'Town hall', accessibility: ['sign-language', 'childcare'], agenda: 'Welcome\nThe <draft> budget', capacity: '30',
    });
    expect(good.status).toBe(303);
    const id = /meetings\/([a-z0-9]+)\?done=scheduled/.exec(good.location ?? '')![1];
    const meeting = await getService(app.strapi, 'meeting').findOne(id);
    expect(meeting).toMatchObject({ title: 'Budget hearing', startsAt: '2027-02-10T16:00:00.000Z', endsAt: '2027-02-10T18:00:00.000Z', accessibility: ['sign-language', 'childcare'], capacity: 30 });
    expect(meeting.agenda).toBe('<p>Welcome</p><p>The &lt;draft&gt; budget</p>');
  });

  it('schedules a consultation’s hearing from its screen while it is open, and lists it there; none once it is summarised', async () => {
    const client = await signedInPortalClient(app, facilitator);
    const screen = ws(`/consultations/${fixtures.openConsultation}`);
    const form = `${screen}/meetings/new`;
    expect((await client.get(screen)).body).toContain(`href="${form}"`);
    await client.get(form);
    const bad = await client.post(form, { title: '', date: '2027-02-31', startTime: '18:00', place: 'Library' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="title-error"');
    expect(bad.body).toContain('id="date-error"');
    expect(bad.body).toContain('value="Library"');
    // The summary reads down the page: title, day, then the start the missing day leaves unplaced.
    const summaryOrder = ['#title', '#date', '#startTime'].map((anchor) => bad.body.indexOf(`href="${anchor}"`));
    expect(summaryOrder.every((at, index) => at > 0 && (index === 0 || at > summaryOrder[index - 1]))).toBe(true);
    const good = await client.post(form, { title: 'Open hearing on parks', date: '2027-02-12', startTime: '18:00', place: 'Library', accessibility: 'sign-language' });
    expect(good.status).toBe(303);
    const id = /meetings\/([a-z0-9]+)\?done=scheduled/.exec(good.location ?? '')![1];
    expect(await getService(app.strapi, 'meeting').findOne(id)).toMatchObject({ consultationDocumentId: fixtures.openConsultation, groupDocumentId: null, startsAt: '2027-02-12T17:00:00.000Z' });
    const listed = await client.get(screen);
    expect(listed.body).toContain(`/workspace/WCA/meetings/${id}`);
    expect(listed.body).toContain('Open hearing on parks');
    // The meeting's own screen leads back to the consultation.
    expect((await client.get(ws(`/meetings/${id}`))).body).toContain(`href="${screen}"`);

    // A summarised consultation takes no more meetings: no link, and its form is a conflict.
    const summarised = ws(`/consultations/${fixtures.summarisedConsultation}`);
    expect((await client.get(summarised)).body).not.toContain(`${summarised}/meetings/new`);
    expect((await client.get(`${summarised}/meetings/new`)).status).toBe(409);
    const before = (await getService(app.strapi, 'meeting').find({ consultation: fixtures.summarisedConsultation, page: 1, pageSize: 10 })).data.length;
    expect((await client.post(`${summarised}/meetings/new`, { title: 'Late hearing', date: '2027-02-12', startTime: '18:00', place: 'Library' })).status).toBe(409);
    expect((await getService(app.strapi, 'meeting').find({ consultation: fixtures.summarisedConsultation, page: 1, pageSize: 10 })).data.length).toBe(before);
  });

  it('shows the organisers who registered with the needs they stated', async () => {
    const citizen = await createPerson(app.strapi, 'citizen');
    await getService(app.strapi, 'meeting').register(fixtures.comingMeeting, citizen.id, 'Step-free entrance, please');
    const client = await signedInPortalClient(app, facilitator);
    const page = await client.get(ws(`/meetings/${fixtures.comingMeeting}`));
    expect(page.status).toBe(200);
    expect(page.body).toContain(citizen.username);
    expect(page.body).toContain('Step-free entrance, please');
    // Not started yet: no attendance or minutes forms.
    expect(page.body).not.toContain('name="paperLines"');
  });

  it('records attendance and publishes the minutes with their commitments only after a check', async () => {
    const citizen = await createPerson(app.strapi, 'citizen');
    await getService(app.strapi, 'meeting').register(underWay, citizen.id, undefined);
    const client = await signedInPortalClient(app, facilitator);
    const address = ws(`/meetings/${underWay}`);
    await client.get(address);
    const none = await client.post(`${address}/attendance`, { paperLines: '' });
    expect(none.status).toBe(400);
    expect(none.body).toContain('id="paperLines-error"');
    const recorded = await client.post(`${address}/attendance`, { usernames: citizen.username, paperLines: 'Sheet 1, line 1\nSheet 1, line 2' });
    expect(recorded.location).toContain('?done=attendance');
    expect((await client.get(recorded.location!)).body).toContain('Attendance is recorded.');
    const twice = await client.post(`${address}/attendance`, { paperLines: 'Sheet 1, line 2' });
    expect(twice.status).toBe(409);
    expect(twice.body).toContain('id="paperLines-error"');

    const noMinutes = await client.post(`${address}/minutes`, { minutes: ' ' });
    expect(noMinutes.status).toBe(400);
    expect(noMinutes.body).toContain('id="minutes-error"');
    const noOwner = await client.post(`${address}/minutes`, { minutes: 'We met.', 'commitment-2-kind': 'commitment', 'commitment-2-text': 'Fix the ramp.' });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body).toContain('id="commitment-2-owner-error"');
    const fields = { minutes: 'We met.\nWe agreed to fix the ramp.', 'commitment-1-kind': 'recommendation', 'commitment-1-text': 'Fund a ramp at the library.', 'commitment-1-owner': 'Council' };
    const check = await client.post(`${address}/minutes`, fields);
    expect(check.status).toBe(200);
    expect(check.body).toContain('Publish the minutes now');
    expect((await getService(app.strapi, 'meeting').findOne(underWay)).minutesPublishedAt).toBeNull();
    const published = await client.post(`${address}/minutes`, { ...fields, confirmed: 'yes' });
    expect(published.location).toContain('?done=minutes');
    await client.get(address);
    const meeting = await getService(app.strapi, 'meeting').findOne(underWay);
    expect(meeting).toMatchObject({ status: 'held', minutes: '<p>We met.</p><p>We agreed to fix the ramp.</p>' });
    expect(meeting.commitments.map((commitment) => [commitment.kind, commitment.text])).toEqual([['recommendation', 'Fund a ramp at the library.']]);
    expect((await client.post(`${address}/attendance`, { paperLines: 'Sheet 2, line 1' })).status).toBe(409);
  });

  it('enters sheet lines one by one with what each person said about themselves, kept only with their consent', async () => {
    const meeting = await getService(app.strapi, 'meeting').create(
      'WCA',
      { groupDocumentId: fixtures.group, title: 'Open afternoon', startsAt: new Date(Date.now() - HOUR).toISOString(), place: 'Library', accessibility: [], status: 'scheduled' } as never,
      facilitator.id
    );
    const lines = () => app.strapi.db.query('plugin::participation.meeting-attendance').findMany({ where: { meetingDocumentId: meeting.documentId }, select: ['offlineReference', 'demographics', 'consentMethod'] });
    const client = await signedInPortalClient(app, facilitator);
    const address = ws(`/meetings/${meeting.documentId}/attendance/line`);
    expect((await client.get(ws(`/meetings/${meeting.documentId}`))).body).toContain(`href="${address}"`);
    const form = await client.get(address);
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="offlineReference"');

    // Answers about the person without their consent, and no way of agreeing: both said, in the form's order; nothing written.
    const unconsented = await client.post(address, { offlineReference: 'Sheet 3, line 1', gender: 'woman', ageBand: '65-plus' });
    expect(unconsented.status).toBe(400);
    const order = ['#consentGiven', '#consentMethod'].map((anchor) => unconsented.body.indexOf(`href="${anchor}"`));
    expect(order[0]).toBeGreaterThan(0);
    expect(order[1]).toBeGreaterThan(order[0]);
    expect(unconsented.body).toContain('value="Sheet 3, line 1"');
    expect(await lines()).toEqual([]);
    const empty = await client.post(address, {});
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('id="offlineReference-error"');

    const recorded = await client.post(address, { offlineReference: 'Sheet 3, line 1', gender: 'woman', ageBand: '65-plus', consentGiven: 'yes', consentMethod: 'signed-form' });
    expect(recorded).toMatchObject({ status: 303, location: `${address}?done=line` });
    expect((await client.get(recorded.location!)).body).toContain('The line is recorded. Enter the next one.');
    // A line without answers about the person needs no consent to them.
    expect((await client.post(address, { offlineReference: 'Sheet 3, line 2' })).status).toBe(303);
    await client.get(address);
    const twice = await client.post(address, { offlineReference: 'Sheet 3, line 2' });
    expect(twice.status).toBe(409);
    expect(twice.body).toContain('id="offlineReference-error"');
    const kept = await lines();
    expect(kept).toHaveLength(2);
    expect(kept.find((line: { offlineReference: string }) => line.offlineReference === 'Sheet 3, line 1')).toMatchObject({ consentMethod: 'signed-form', demographics: expect.objectContaining({ gender: 'woman', ageBand: '65-plus' }) });
    expect(kept.find((line: { offlineReference: string }) => line.offlineReference === 'Sheet 3, line 2')).toMatchObject({ demographics: null });

    // Another municipality's meeting is not found here; a meeting not under way takes no lines.
    expect((await client.get(ws(`/meetings/${other.comingMeeting}/attendance/line`))).status).toBe(404);
    expect((await client.get(ws(`/meetings/${fixtures.comingMeeting}/attendance/line`))).status).toBe(409);
  });

  it('changes a commitment’s status with a note and turns a recommendation into a proposal', async () => {
    const client = await signedInPortalClient(app, staff);
    const [commitment] = await commitmentsOf(fixtures.heldMeeting);
    const page = ws(`/commitments/${commitment.documentId}`);
    await client.get(page);
    const bad = await client.post(page, { status: 'finished' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="status-error"');
    expect((await client.post(page, { status: 'done', statusNote: 'The list is published monthly.' })).location).toContain('?done=saved');
    const history = (await getService(app.strapi, 'commitment').findOne('WCA', commitment.documentId)).history;
    expect(history.at(-1)).toMatchObject({ to: 'done', note: 'The list is published monthly.' });

    // A fresh recommendation, from the minutes of a meeting under way.
    const meeting = await getService(app.strapi, 'meeting').create('WCA', { groupDocumentId: fixtures.group, title: 'Quick session', startsAt: new Date(Date.now() - HOUR).toISOString(), place: 'Hall', accessibility: [], status: 'scheduled' } as never, facilitator.id);
    const { commitments } = await getService(app.strapi, 'meeting').publishMinutes('WCA', meeting.documentId, { minutes: '<p>Short.</p>', commitments: [{ kind: 'recommendation', text: 'Plant trees on the main street.', owner: 'Council' }] });
    const round = await createRound(app.strapi, 'WCA', { phase: 'proposals', title: 'Green round', totalBudgetMinor: '5000000000' });
    const form = ws(`/commitments/${commitments[0].documentId}/proposal`);
    const shown = await client.get(form);
    expect(shown.status).toBe(200);
    const badProposal = await client.post(form, { roundDocumentId: round, title: 'Trees', description: 'short', requestedAmount: '' });
    expect(badProposal.status).toBe(400);
    expect(badProposal.body).toContain('id="description-error"');
    expect(badProposal.body).toContain('id="requestedAmount-error"');
    expect(badProposal.body).toContain('id="budgetLineCodes-error"');
    const made = await client.post(form, { roundDocumentId: round, title: 'Trees on the main street', description: 'Plant twenty trees on the main street, as the group recommended.', requestedAmount: '500000', budgetLineCodes: '1040-01' });
    expect(made.location).toContain('?done=proposed');
    const after = await getService(app.strapi, 'commitment').findOne('WCA', commitments[0].documentId);
    expect(after.proposalDocumentId).toEqual(expect.any(String));
    expect((await client.get(form)).status).toBe(409);
  });
});
