import type { TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createRound } from '../harness/fixtures';
import { sender } from '../harness/requests';
import type { Commitment, DialogueGroupMember } from '../../plugins/participation/shared/contracts';

/**
 * Local Social Dialogue Groups: members and reserved seats, meetings, attendance, minutes, commitments.
 * Each test builds the group, meeting or minutes it starts from through the helpers below.
 */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
let korFacilitator: TestPerson;
let citizen: TestPerson;
let roundId: string;

const send = sender(() => app);

const MEETING = (groupId: string, extra: object = {}) => ({
  data: {
    groupDocumentId: groupId,
    title: 'Social care plan: first reading',
    startsAt: '2026-04-10T10:00:00+02:00',
    endsAt: '2026-04-10T12:00:00+02:00',
    place: 'Shkodër city hall, room 3',
    accessibility: ['step-free-access', 'sign-language', 'easy-read-material'],
    agenda: '<ol><li>Welcome</li><li>Draft social care plan</li></ol>',
    ...extra,
  },
});
const MINUTES = {
  data: {
    minutes: '<p>The group read the draft plan.</p><script>alert(1)</script>',
    commitments: [
      { kind: 'commitment', text: 'Publish the draft social care plan in easy-read form.', owner: 'Social services department', dueDate: '2026-05-01' },
      { kind: 'recommendation', text: 'Fund a day centre for persons with disabilities in Zona e Re.', owner: 'LSDG Shkodër' },
    ],
  },
};
/** The citizen twice (counted once) and eleven paper lines: ten women and a man. */
const ATTENDEES = () => [
  { userId: citizen.id },
  { userId: citizen.id },
  ...Array.from({ length: 11 }, (_, i) => ({ offlineReference: `Sheet 1, line ${i + 1}`, consent: { given: true, method: 'signed-form' }, demographics: { gender: i < 10 ? 'woman' : 'man', consent: true } })),
];

/** LSDG Shkodër with two seats for women and one for Roma and Egyptians: the department in the chair, Drita in a women's seat. */
const createGroup = async () => {
  const created = await send(facilitator, 'post', '/municipalities/SHK/dialogue-groups', {
    data: { name: 'LSDG Shkodër', description: 'Municipality and local stakeholders on social care.', reservedSeats: [{ category: 'women', seats: 2 }, { category: 'roma_and_egyptians', seats: 1 }] },
  });
  expect(created.status).toBe(201);
  const groupId: string = created.body.data.documentId;
  const chair = await send(facilitator, 'post', `/municipalities/SHK/dialogue-groups/${groupId}/members`, {
    data: { memberKind: 'organisation', displayName: 'Social services department', stakeholderType: 'municipality', role: 'chair' },
  });
  expect(chair.status).toBe(201);
  const woman = await send(facilitator, 'post', `/municipalities/SHK/dialogue-groups/${groupId}/members`, {
    data: { memberKind: 'person', displayName: 'Drita', userId: citizen.id, stakeholderType: 'community-representative', reservedSeat: 'women' },
  });
  expect(woman.status).toBe(201);
  return groupId;
};
const scheduleMeeting = async (groupId: string) => {
  const created = await send(facilitator, 'post', '/municipalities/SHK/meetings', MEETING(groupId));
  expect(created.status).toBe(201);
  return created.body.data.documentId as string;
};
/** A group's meeting that was held: the attendance of {@link ATTENDEES} recorded and {@link MINUTES} published. */
const heldMeeting = async () => {
  const groupId = await createGroup();
  const meetingId = await scheduleMeeting(groupId);
  expect((await send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/attendance`, { data: { attendees: ATTENDEES() } })).status).toBe(200);
  expect((await send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/minutes`, MINUTES)).status).toBe(201);
  return { groupId, meetingId };
};

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK'));
  await createMunicipality(app.strapi, 'KOR');
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  korFacilitator = await createPerson(app.strapi, 'cso-facilitator', ['KOR']);
  citizen = await createPerson(app.strapi, 'citizen');
  await app.strapi.plugin('participation').service('budget-line').create('SHK', {
    fiscalYear: 2026, code: '1040-01', name: 'Social care services', programme: null, functionalClassification: null,
    approvedMinor: '100000000', revisedMinor: '100000000', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
  });
  roundId = await createRound(app.strapi, 'SHK', { phase: 'proposals', totalBudgetMinor: '100000000' });
});
afterAll(() => app?.close());

describe('groups and members', () => {
  it('creates a group with reserved seats and shows publicly whether they are filled', async () => {
    const groupId = await createGroup();
    const group = await send(null, 'get', `/dialogue-groups/${groupId}`);
    expect(group.body.data.reservedSeats).toEqual([
      { category: 'women', seats: 2, filled: 1, vacant: 1 },
      { category: 'roma_and_egyptians', seats: 1, filled: 0, vacant: 1 },
    ]);
    expect(group.body.data.members.map((member: DialogueGroupMember) => [member.displayName, member.role])).toEqual([['Social services department', 'chair'], ['Drita', 'member']]);
    expect(JSON.stringify(group.body)).not.toMatch(/userId|email/);
  });

  it('refuses a seat the group does not reserve, naming the field', async () => {
    const groupId = await createGroup();
    const response = await send(facilitator, 'post', `/municipalities/SHK/dialogue-groups/${groupId}/members`, {
      data: { memberKind: 'person', displayName: 'Arben', stakeholderType: 'citizen', reservedSeat: 'youth' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/data\.reservedSeat/);
  });

  it('keeps other municipalities out', async () => {
    const groupId = await createGroup();
    expect((await send(korFacilitator, 'post', `/municipalities/SHK/dialogue-groups/${groupId}/members`, { data: { memberKind: 'person', displayName: 'X', stakeholderType: 'citizen' } })).status).toBe(403);
    expect((await send(korFacilitator, 'put', `/municipalities/KOR/dialogue-groups/${groupId}`, { data: { name: 'Taken over' } })).status).toBe(404);
  });
});

describe('meetings, attendance and minutes', () => {
  it('schedules an accessible meeting that people register for', async () => {
    const created = await send(facilitator, 'post', '/municipalities/SHK/meetings', MEETING(await createGroup()));
    expect(created.status).toBe(201);
    const meetingId = created.body.data.documentId;
    expect(created.body.data).toMatchObject({ status: 'scheduled', accessibility: ['step-free-access', 'sign-language', 'easy-read-material'], registered: 0 });
    const registration = await send(citizen, 'put', `/meetings/${meetingId}/registration`, { data: { accessibilityNeeds: 'Sign language interpreter' } });
    expect(registration.body.data).toEqual({ registered: true });
    await send(citizen, 'put', `/meetings/${meetingId}/registration`, { data: {} });
    expect((await send(null, 'get', `/meetings/${meetingId}`)).body.data.registered).toBe(1);
    expect(JSON.stringify((await send(null, 'get', `/meetings/${meetingId}`)).body)).not.toMatch(/Sign language interpreter/);
  });

  it('withdraws a registration; withdrawing one that is gone answers the same', async () => {
    const meeting = (await send(facilitator, 'post', '/municipalities/SHK/meetings', MEETING(await createGroup()))).body.data.documentId;
    expect((await send(citizen, 'put', `/meetings/${meeting}/registration`, { data: {} })).body.data).toEqual({ registered: true });
    const withdrawn = await send(citizen, 'delete', `/meetings/${meeting}/registration`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.data).toEqual({ registered: false });
    expect((await send(null, 'get', `/meetings/${meeting}`)).body.data.registered).toBe(0);
    expect((await send(citizen, 'delete', `/meetings/${meeting}/registration`)).body.data).toEqual({ registered: false });
  });

  it('refuses a meeting without a place or a link, or ending before it starts', async () => {
    const response = await send(facilitator, 'post', '/municipalities/SHK/meetings', MEETING(await createGroup(), { place: undefined, endsAt: '2026-04-10T09:00:00+02:00' }));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/endsAt/);
    expect(response.body.error.message).toMatch(/place/);
  });

  it('records attendance from accounts and from a paper sign-in sheet, each account once', async () => {
    const meetingId = await scheduleMeeting(await createGroup());
    const response = await send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/attendance`, { data: { attendees: ATTENDEES() } });
    expect(response.body.data).toEqual({ recorded: 12, attended: 12 });
    const again = await send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/attendance`, { data: { attendees: [{ userId: citizen.id }] } });
    expect(again.body.data).toEqual({ recorded: 0, attended: 12 });
  });

  it('publishes the minutes once, with the commitments and recommendations they record', async () => {
    const groupId = await createGroup();
    const meetingId = await scheduleMeeting(groupId);
    const minutes = await send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/minutes`, MINUTES);
    expect(minutes.status).toBe(201);
    expect(minutes.body.data).toMatchObject({ status: 'held', minutes: '<p>The group read the draft plan.</p>' });
    expect(minutes.body.data.commitments).toHaveLength(2);
    expect((await send(facilitator, 'post', `/municipalities/SHK/meetings/${meetingId}/minutes`, { data: { minutes: '<p>Again</p>' } })).status).toBe(409);
    expect((await send(facilitator, 'put', `/municipalities/SHK/meetings/${meetingId}`, MEETING(groupId))).status).toBe(409);
  });

  it('publishes disaggregated attendance once the minutes are out, with small cells suppressed', async () => {
    const { meetingId } = await heldMeeting();
    const stats = await send(null, 'get', `/meetings/${meetingId}/statistics`);
    expect(stats.status).toBe(200);
    expect(stats.body.data.total).toBe(12);
    expect(stats.body.data.breakdowns.gender).toMatchObject({ man: 'suppressed', woman: 'suppressed' });
    const published = JSON.stringify(stats.body).match(/:\d+/g)!.map((value) => Number(value.slice(1)));
    expect(published.filter((count) => count > 0 && count < 10 && count !== stats.body.data.k)).toEqual([]);
    expect((await send(null, 'get', `/meetings/${meetingId}/statistics?gender=man`)).body.data.total).toBe('suppressed');
    const bad = await send(null, 'get', `/meetings/${meetingId}/statistics?gender=wizard`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/gender/);
  });
});

describe('commitments register', () => {
  it('tracks a commitment publicly', async () => {
    const { groupId } = await heldMeeting();
    const register = await send(null, 'get', `/dialogue-groups/${groupId}/commitments?status=open`);
    const commitment = register.body.data.find((item: Commitment) => item.kind === 'commitment');
    const update = await send(staff, 'put', `/municipalities/SHK/commitments/${commitment.documentId}`, { data: { status: 'done', statusNote: 'Published on the website.' } });
    expect(update.body.data).toMatchObject({ status: 'done', statusNote: 'Published on the website.' });
    // Its history: recorded open with the minutes, then the change with its note; saving it again adds no step.
    await send(staff, 'put', `/municipalities/SHK/commitments/${commitment.documentId}`, { data: { status: 'done', statusNote: 'Published on the website.' } });
    const history = (await send(null, 'get', `/dialogue-groups/${groupId}/commitments`)).body.data.find((item: Commitment) => item.documentId === commitment.documentId).history;
    expect(history).toEqual([
      { from: null, to: 'open', at: expect.any(String), note: null },
      { from: 'open', to: 'done', at: expect.any(String), note: 'Published on the website.' },
    ]);
  });

  it('turns a recommendation into a proposal, linked both ways, once', async () => {
    const { groupId } = await heldMeeting();
    const register = await send(null, 'get', `/dialogue-groups/${groupId}/commitments`);
    const recommendation = register.body.data.find((item: Commitment) => item.kind === 'recommendation');
    const body = { data: { roundDocumentId: roundId, title: 'Day centre in Zona e Re', description: 'A day centre for persons with disabilities.', requestedAmount: '250000', budgetLineCodes: ['1040-01'], targetGroups: ['persons_with_disabilities'] } };
    const converted = await send(facilitator, 'post', `/municipalities/SHK/commitments/${recommendation.documentId}/proposal`, body);
    expect(converted.status).toBe(201);
    const proposalId = converted.body.data.proposal.documentId;
    expect(converted.body.data.commitment).toMatchObject({ proposalDocumentId: proposalId, status: 'in-progress' });
    expect(converted.body.data.commitment.history.map((step: Commitment['history'][number]) => step.to)).toEqual(['open', 'in-progress']);
    expect((await send(null, 'get', `/proposals/${proposalId}`)).body.data.sourceRecommendationId).toBe(recommendation.documentId);
    expect((await send(facilitator, 'post', `/municipalities/SHK/commitments/${recommendation.documentId}/proposal`, body)).status).toBe(409);
  });

  it('leaves the recommendation unlinked when the proposal is refused', async () => {
    const groupId = await createGroup();
    const minutes = await send(facilitator, 'post', '/municipalities/SHK/meetings', MEETING(groupId, { title: 'Second meeting' }));
    const published = await send(facilitator, 'post', `/municipalities/SHK/meetings/${minutes.body.data.documentId}/minutes`, {
      data: { minutes: '<p>Notes</p>', commitments: [{ kind: 'recommendation', text: 'Ramps at the health centre.', owner: 'LSDG Shkodër' }] },
    });
    const recommendation = published.body.data.commitments[0];
    const refused = await send(facilitator, 'post', `/municipalities/SHK/commitments/${recommendation.documentId}/proposal`, {
      data: { roundDocumentId: roundId, title: 'Ramps', description: 'Ramps at the health centre.', requestedAmount: '1', budgetLineCodes: ['9999-99'] },
    });
    expect(refused.status).toBe(400);
    const after = await send(null, 'get', `/dialogue-groups/${groupId}/commitments`);
    expect(after.body.data.find((item: Commitment) => item.documentId === recommendation.documentId).proposalDocumentId).toBeNull();
  });
});
