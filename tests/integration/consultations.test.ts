import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import { sender } from '../harness/requests';
import type { Consultation } from '../../plugins/participation/shared/contracts';

/**
 * Consultations: questions, online and offline input with consent, and a published summary. Each test
 * starts from a consultation of its own, in the state the helpers below bring it to.
 */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
const citizens: TestPerson[] = [];

const api = '/api/participation';
const send = sender(() => app);
const base = (consultationId: string) => `/municipalities/SHK/consultations/${consultationId}`;

const CONSULTATION = {
  data: {
    topic: 'Youth services in Shkodër',
    description: 'What should the municipality fund for young people next year?',
    questions: [{ id: 'priorities', text: 'What matters most to you?' }, { id: 'barriers', text: 'What stops you from taking part?' }],
    targetGroups: ['youth', 'women'],
    opensAt: '2026-01-01T00:00:00Z',
    closesAt: '2099-12-31T00:00:00Z',
  },
};
const answers = [{ questionId: 'priorities', text: 'A youth centre open in the evenings.' }];

const draftConsultation = async () => {
  const created = await send(facilitator, 'post', '/municipalities/SHK/consultations', CONSULTATION);
  expect(created.status).toBe(201);
  return created.body.data.documentId as string;
};
const openConsultation = async () => {
  const consultationId = await draftConsultation();
  expect((await send(facilitator, 'post', `${base(consultationId)}/transitions`, { action: 'open' })).status).toBe(200);
  return consultationId;
};
/** Twelve paper and focus-group forms, entered by the facilitator with consent and the respondents' demographics. */
const enterOfflineInputs = async (consultationId: string) => {
  for (let i = 0; i < 12; i += 1) {
    const response = await send(facilitator, 'post', `${base(consultationId)}/offline-inputs`, {
      data: {
        channel: i < 9 ? 'paper' : 'focus-group',
        offlineReference: `Form ${i + 1}`,
        answers: [{ questionId: 'barriers', text: 'Meetings are during school hours.' }],
        consent: { given: true, method: i < 9 ? 'signed-form' : 'verbal' },
        demographics: { gender: 'woman', birthYear: 2008, consent: true },
      },
    });
    expect(response.status).toBe(201);
  }
};
/** An open consultation that two citizens answered online and twelve people on paper or in a focus group. */
const answeredConsultation = async () => {
  const consultationId = await openConsultation();
  for (const citizen of citizens.slice(0, 2)) {
    expect((await send(citizen, 'post', `/consultations/${consultationId}/inputs`, { data: { answers, consent: true } })).status).toBe(201);
  }
  await enterOfflineInputs(consultationId);
  return consultationId;
};

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK'));
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  for (let i = 0; i < 3; i += 1) citizens.push(await createPerson(app.strapi, 'citizen'));
});
afterAll(() => app?.close());

it('takes no input while a draft, and refuses questions that do not add up', async () => {
  const consultationId = await draftConsultation();
  expect((await send(citizens[0], 'post', `/consultations/${consultationId}/inputs`, { data: { answers, consent: true } })).status).toBe(409);
  const bad = await send(facilitator, 'post', '/municipalities/SHK/consultations', { data: { ...CONSULTATION.data, questions: [{ id: 'a', text: 'One' }, { id: 'a', text: 'Two' }], closesAt: '2025-01-01T00:00:00Z' } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/data\.questions/);
  expect(bad.body.error.message).toMatch(/data\.closesAt/);
});

it('links its forum and meetings', async () => {
  const consultationId = await openConsultation();
  const forum = await send(facilitator, 'post', '/municipalities/SHK/forums', { data: { title: 'Youth services: discussion', attachedTo: { kind: 'consultation', documentId: consultationId } } });
  expect(forum.status).toBe(201);
  const meeting = await send(facilitator, 'post', '/municipalities/SHK/meetings', {
    data: { consultationDocumentId: consultationId, title: 'Focus group at the youth centre', startsAt: '2026-02-01T16:00:00+01:00', place: 'Youth centre', accessibility: ['easy-read-material'] },
  });
  expect(meeting.status).toBe(201);
  const consultation = await send(null, 'get', `/consultations/${consultationId}`);
  expect(consultation.body.data.forums.map((item: Consultation['forums'][number]) => item.title)).toEqual(['Youth services: discussion']);
  expect(consultation.body.data.meetings.map((item: Consultation['meetings'][number]) => item.title)).toEqual(['Focus group at the youth centre']);
});

it('takes one online input per person (a second replaces it), only with consent and to its own questions', async () => {
  const consultationId = await openConsultation();
  expect((await send(citizens[0], 'post', `/consultations/${consultationId}/inputs`, { data: { answers } })).status).toBe(400);
  const unknownQuestion = await send(citizens[0], 'post', `/consultations/${consultationId}/inputs`, { data: { answers: [{ questionId: 'weather', text: 'Sunny' }], consent: true } });
  expect(unknownQuestion.status).toBe(400);
  expect(unknownQuestion.body.error.message).toMatch(/data\.answers\.0\.questionId/);
  expect((await send(citizens[0], 'post', `/consultations/${consultationId}/inputs`, { data: { answers, consent: true } })).body.data).toEqual({ recorded: true, replaced: false });
  expect((await send(citizens[0], 'post', `/consultations/${consultationId}/inputs`, { data: { answers, consent: true } })).body.data).toEqual({ recorded: true, replaced: true });
});

it('lets facilitators enter paper and focus-group input, marked by channel, with consent', async () => {
  const consultationId = await openConsultation();
  expect((await send(citizens[0], 'post', `/consultations/${consultationId}/inputs`, { data: { answers, consent: true } })).status).toBe(201);
  await enterOfflineInputs(consultationId);
  const noConsent = await send(facilitator, 'post', `${base(consultationId)}/offline-inputs`, {
    data: { channel: 'paper', offlineReference: 'Form X', answers, consent: { given: false, method: 'verbal' } },
  });
  expect(noConsent.status).toBe(400);
  expect(noConsent.body.error.message).toMatch(/data\.consent\.given/);
  expect((await send(staff, 'post', `${base(consultationId)}/offline-inputs`, { data: { channel: 'paper', offlineReference: 'F', answers, consent: { given: true, method: 'verbal' } } })).status).toBe(403);
  const recorded = await send(staff, 'get', `${base(consultationId)}/inputs?pageSize=100`);
  expect(recorded.body.meta.pagination.total).toBe(13);
  expect(JSON.stringify(recorded.body)).not.toMatch(/userId|Form \d|offlineReference|woman|2008/);
});

it('publishes a summary with suppressed counts by channel and suppressed participation, then takes no more input', async () => {
  const consultationId = await answeredConsultation();
  expect((await send(facilitator, 'post', `${base(consultationId)}/summary`, { data: { themes: [{ title: 'Evening hours', description: 'Young people want evening opening.' }] } })).status).toBe(409);
  await send(facilitator, 'post', `${base(consultationId)}/transitions`, { action: 'close' });
  const summary = await send(facilitator, 'post', `${base(consultationId)}/summary`, { data: { themes: [{ title: 'Evening hours', description: 'Young people want evening opening.' }] } });
  expect(summary.status).toBe(201);
  expect(summary.body.data.status).toBe('summarised');
  expect(summary.body.data.summary.inputsByChannel).toEqual({ online: 'suppressed', paper: 'suppressed', 'focus-group': 'suppressed', meeting: 0, phone: 0 });
  expect(summary.body.data.summary.participation.total).toBe(14);
  expect(summary.body.data.summary.participation.breakdowns.gender['not-stated']).toBe('suppressed');
  expect((await send(facilitator, 'post', `${base(consultationId)}/offline-inputs`, { data: { channel: 'paper', offlineReference: 'Late', answers, consent: { given: true, method: 'verbal' } } })).status).toBe(409);
  const publicView = await send(null, 'get', `/consultations/${consultationId}`);
  expect(publicView.body.data.summary.themes[0].title).toBe('Evening hours');
});

it('counts declared demographics of online respondents, and withdrawing consent removes them', async () => {
  const declare = await send(citizens[2], 'put', '/me/demographics', { data: { gender: 'self-described', genderSelfDescription: 'non-binary', birthYear: 2001, consent: true } });
  expect(declare.status).toBe(200);
  expect(declare.body.data.demographics).toMatchObject({ declared: true });
  expect(JSON.stringify(declare.body)).not.toMatch(/non-binary|2001|self-described/);
  expect((await send(citizens[2], 'put', '/me/demographics', { data: { gender: 'woman' } })).status).toBe(400);
  const withdrawn = await app.http().delete(`${api}/me/demographics`).set(citizens[2].auth);
  expect(withdrawn.body.data.demographics).toEqual({ declared: false, consentGivenAt: null });
});
