import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import { createCommunity, type CommunityFixtures } from '../harness/community';
import { portalClient } from '../harness/portal-client';

/**
 * The community pages as a browser without JavaScript uses them (form posts, redirects): dialogue groups,
 * meetings with registration, consultations with answers; access as the content API decides it; and a
 * registrant's accessibility needs reaching the organisers through the API and no page.
 */
let app: TestApp;
let staff: TestPerson;
let citizen: TestPerson;
let moderator: TestPerson;
let fixtures: CommunityFixtures;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  [citizen, moderator] = await Promise.all([createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'moderator', ['SHK'])]);
  fixtures = await createCommunity(app.strapi, 'SHK');
});
afterAll(() => app?.close());

const signedIn = async (person: TestPerson) => {
  const browser = portalClient(app);
  await browser.get('/en/sign-in');
  const answer = await browser.post('/en/sign-in', { identifier: person.email, password: person.password, returnTo: '/' });
  expect(answer.status).toBe(303);
  return browser;
};

/** Tags out, entities decoded, spaces collapsed: what a reader reads. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const api = (path: string, person?: TestPerson) =>
  fetch(`${app.baseUrl}/api/participation${path}`, { headers: person ? person.auth : {} }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data: unknown } }));

describe('dialogue groups', () => {
  it('are linked from the municipality page and listed with their vacant reserved seats', async () => {
    const browser = portalClient(app);
    const municipality = await browser.get('/en/municipalities/SHK');
    expect(municipality.body).toContain('href="/en/municipalities/SHK/dialogue-groups"');
    expect(municipality.body).toContain('href="/en/municipalities/SHK/consultations"');
    const list = await browser.get('/en/municipalities/SHK/dialogue-groups');
    expect(list.status).toBe(200);
    expect(list.body).toContain(`href="/en/dialogue-groups/${fixtures.group}"`);
    expect(textOf(list.body)).toContain('2 of 3 reserved seats are vacant');
  });

  it('show members by stakeholder type and role, seats filled and vacant, meetings and the commitments register', async () => {
    const page = await portalClient(app).get(`/en/dialogue-groups/${fixtures.group}`);
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toMatch(/Municipality Social services directorate – chair/);
    expect(text).toMatch(/Civil society organisations Women’s centre – member · reserved seat for Women and girls/);
    expect(text).toMatch(/Women and girls 2 1 1/);
    expect(text).toMatch(/Roma and Egyptians 1 0 1/);
    expect(text).toMatch(/Coming Social care plan: first reading .*Site visit to the day centre/);
    expect(text).toMatch(/Past and cancelled .*Budget hearing .*Cancelled .*Working session on home care .*Held/);
    expect(text).toMatch(/Commitment · In progress Publish the home care waiting list every month\. Who is responsible Social services directorate Due March 31, 2027/);
    // Its history: recorded open with the minutes, then each change with its note.
    expect(text).toMatch(/History \w+ \d+, \d{4}: Recorded in the minutes of Working session on home care \w+ \d+, \d{4}: In progress – The first list went out in January\./);
    expect(text).toMatch(/Recommendation · In progress Fund two more home carers in the villages\. Addressed to Municipal council/);
    expect(text).toMatch(/Recorded in the minutes of Working session on home care \w+ \d+, \d{4}: In progress The proposal it became Two more home carers/);
    expect(page.body).toContain(`<a href="/en/proposals/${fixtures.proposal}">Two more home carers in the villages</a>`);
    expect(page.body).toContain(`<a href="/en/meetings/${fixtures.heldMeeting}">Working session on home care</a>`);
  });

  it('answer an unknown group or a malformed id with a 404 page', async () => {
    expect((await portalClient(app).get('/en/dialogue-groups/nosuchgroup')).status).toBe(404);
    expect((await portalClient(app).get('/en/dialogue-groups/NOT-AN-ID')).status).toBe(404);
  });
});

describe('meetings', () => {
  it('show when (in the municipality’s time), where, the online link, accessibility, agenda and places', async () => {
    const page = await portalClient(app).get(`/en/meetings/${fixtures.comingMeeting}`);
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toMatch(/When .*GMT\+1/);
    expect(text).toContain('Place Town hall, room 3 (ground floor)');
    expect(page.body).toContain('href="https://meet.example.org/social-care-plan-first-reading"');
    expect(text).toMatch(/Step-free access Sign language interpretation Easy-read material/);
    expect(page.body).toContain('<ol><li>Welcome</li><li>The draft plan</li></ol>');
    expect(text).toContain('0 people registered for 40 places');
    expect(page.body).toContain(`href="/en/sign-in?returnTo=${encodeURIComponent(`/meetings/${fixtures.comingMeeting}`)}"`);
    expect(text).toContain('How many people attended is published with the minutes.');
  });

  it('say when a meeting is full or cancelled, and offer no form', async () => {
    const browser = await signedIn(citizen);
    const full = await browser.get(`/en/meetings/${fixtures.fullMeeting}`);
    expect(textOf(full.body)).toContain('The meeting is full.');
    expect(full.body).not.toContain('/registration"');
    const cancelled = await browser.get(`/en/meetings/${fixtures.cancelledMeeting}`);
    expect(textOf(cancelled.body)).toMatch(/Cancelled .*Registration is closed\./);
    expect(cancelled.body).not.toContain('/registration"');
  });

  it('show minutes, their commitments, and an attendance too small to publish as not published', async () => {
    const page = await portalClient(app).get(`/en/meetings/${fixtures.heldMeeting}`);
    const text = textOf(page.body);
    expect(text).toContain('The group read the draft plan and agreed two points.');
    expect(text).toContain('People who attended: not published');
    expect(text).toContain('Counts that could single out fewer than 10 people are not published');
    expect(text).toContain('Commitment: Publish the home care waiting list every month. (Social services directorate) – In progress');
    // The API says the same.
    expect(((await api(`/meetings/${fixtures.heldMeeting}`)).body.data as { attended: unknown }).attended).toBe('suppressed');
  });

  it('send a visitor who registers to sign in, and refuse a form without its CSRF token', async () => {
    const visitor = portalClient(app);
    // A signed-out browser holds a CSRF token too (from any page with a form): the access rule answers, not the token check.
    await visitor.get('/en/sign-in');
    const anonymous = await visitor.post(`/en/meetings/${fixtures.comingMeeting}/registration`, { accessibilityNeeds: '' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`/en/sign-in?returnTo=${encodeURIComponent(`/meetings/${fixtures.comingMeeting}/registration`)}`);
    const browser = await signedIn(citizen);
    await browser.get(`/en/meetings/${fixtures.comingMeeting}`);
    const forged = await browser.post(`/en/meetings/${fixtures.comingMeeting}/registration`, { csrf: 'forged', accessibilityNeeds: 'A seat near the door' });
    expect(forged.status).toBe(403);
    expect(((await api(`/meetings/${fixtures.comingMeeting}`)).body.data as { registered: number }).registered).toBe(0);
  });

  it('keep needs that are too long beside the field with the error summary, registering nobody', async () => {
    const browser = await signedIn(citizen);
    await browser.get(`/en/meetings/${fixtures.comingMeeting}`);
    const needs = `I use a wheelchair. ${'x'.repeat(500)}`;
    const answer = await browser.post(`/en/meetings/${fixtures.comingMeeting}/registration`, { accessibilityNeeds: needs });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('href="#accessibilityNeeds"');
    expect(answer.body).toContain('id="accessibilityNeeds-error"');
    expect(answer.body).toContain(needs);
    expect(((await api(`/meetings/${fixtures.comingMeeting}`)).body.data as { registered: number }).registered).toBe(0);
  });

  it('register with an accessibility need that the organisers read through the API and no page ever shows; then withdraw', async () => {
    const need = 'Sign language interpreter, please, and a seat near the front';
    const browser = await signedIn(citizen);
    await browser.get(`/en/meetings/${fixtures.comingMeeting}`);
    const registered = await browser.post(`/en/meetings/${fixtures.comingMeeting}/registration`, { accessibilityNeeds: need });
    expect(registered.status).toBe(303);
    expect(registered.location).toBe(`/en/meetings/${fixtures.comingMeeting}?done=registered`);
    const after = await browser.get(registered.location!);
    expect(textOf(after.body)).toMatch(/You are registered for this meeting\..*1 person registered for 40 places/);
    expect(after.body).toContain('Withdraw my registration');

    // The facilitator of the municipality reads it; the public, other citizens and other roles may not.
    const registrations = await api(`/municipalities/SHK/meetings/${fixtures.comingMeeting}/registrations`, fixtures.facilitator);
    expect(registrations.status).toBe(200);
    expect(registrations.body.data).toEqual([expect.objectContaining({ username: citizen.username, accessibilityNeeds: need })]);
    expect((await api(`/municipalities/SHK/meetings/${fixtures.comingMeeting}/registrations`, citizen)).status).toBe(403);
    expect((await api(`/municipalities/SHK/meetings/${fixtures.comingMeeting}/registrations`)).status).toBe(401);

    // No page shows it, to anybody: the registrant, a visitor, the organiser, the moderator.
    const readers = [browser, portalClient(app), await signedIn(fixtures.facilitator), await signedIn(moderator)];
    const pages = [
      `/meetings/${fixtures.comingMeeting}`,
      `/meetings/${fixtures.comingMeeting}?done=registered`,
      `/dialogue-groups/${fixtures.group}`,
      '/municipalities/SHK/dialogue-groups',
      '/municipalities/SHK',
      '/account',
    ];
    for (const reader of readers) {
      for (const lang of ['en', 'sq', 'vi']) {
        for (const path of pages) {
          const page = await reader.get(`/${lang}${path}`);
          expect([path, page.body.includes(need), page.body.includes('near the front')]).toEqual([path, false, false]);
        }
      }
    }

    await browser.get(`/en/meetings/${fixtures.comingMeeting}`);
    const withdrawn = await browser.post(`/en/meetings/${fixtures.comingMeeting}/registration/withdraw`, {});
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.location).toBe(`/en/meetings/${fixtures.comingMeeting}?done=unregistered`);
    expect(textOf((await browser.get(withdrawn.location!)).body)).toMatch(/Your registration has been withdrawn\..*0 people registered for 40 places/);
    expect((await api(`/municipalities/SHK/meetings/${fixtures.comingMeeting}/registrations`, fixtures.facilitator)).body.data).toEqual([]);
  });
});

describe('consultations', () => {
  it('are listed with their state; a visitor is asked to sign in to answer', async () => {
    const visitor = portalClient(app);
    const list = await visitor.get('/en/municipalities/SHK/consultations');
    expect(textOf(list.body)).toMatch(/Youth services Open for answers/);
    expect(textOf(list.body)).toMatch(/Day centre opening hours What was heard is published/);
    const page = await visitor.get(`/en/consultations/${fixtures.openConsultation}`);
    const text = textOf(page.body);
    expect(text).toMatch(/Questions What matters most to you\? What stops you from taking part\?/);
    expect(text).toContain('Especially for: Young people');
    expect(text).toContain('What was heard will be published here after the consultation closes.');
    expect(page.body).toContain(`href="/en/sign-in?returnTo=${encodeURIComponent(`/consultations/${fixtures.openConsultation}/answer`)}"`);
    const form = await visitor.get(`/en/consultations/${fixtures.openConsultation}/answer`);
    expect(form.status).toBe(303);
  });

  it('refuse an answer with nothing answered and no consent, naming each field, and keep what was typed', async () => {
    const browser = await signedIn(citizen);
    await browser.get(`/en/consultations/${fixtures.openConsultation}/answer`);
    const empty = await browser.post(`/en/consultations/${fixtures.openConsultation}/answer`, { 'answer-priorities': '  ', 'answer-barriers': '' });
    expect(empty.status).toBe(400);
    for (const field of ['answer-priorities', 'consent']) {
      expect(empty.body).toContain(`href="#${field}"`);
      expect(empty.body).toContain(`id="${field}-error"`);
    }
    const noConsent = await browser.post(`/en/consultations/${fixtures.openConsultation}/answer`, { 'answer-barriers': 'Meetings are held during school hours.' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body).toContain('Meetings are held during school hours.');
    expect(noConsent.body).toContain('href="#consent"');
    expect(noConsent.body).not.toContain('href="#answer-barriers"');
    const forged = await browser.post(`/en/consultations/${fixtures.openConsultation}/answer`, { csrf: 'forged', 'answer-barriers': 'Forged', consent: 'yes' });
    expect(forged.status).toBe(403);
    expect(((await api(`/municipalities/SHK/consultations/${fixtures.openConsultation}/inputs`, fixtures.facilitator)).body.data as unknown[]).length).toBe(0);
  });

  it('take an answer with consent, show it back to its author to change, and replace it', async () => {
    const browser = await signedIn(citizen);
    await browser.get(`/en/consultations/${fixtures.openConsultation}/answer`);
    const first = await browser.post(`/en/consultations/${fixtures.openConsultation}/answer`, { 'answer-barriers': 'Meetings are held during school hours.', consent: 'yes' });
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/en/consultations/${fixtures.openConsultation}?done=answered`);
    const page = await browser.get(first.location!);
    expect(textOf(page.body)).toContain('Thank you: your answer has been recorded.');
    expect(page.body).toContain('Change your answer');

    const form = await browser.get(`/en/consultations/${fixtures.openConsultation}/answer`);
    expect(form.body).toContain('Meetings are held during school hours.');
    expect(textOf(form.body)).toContain('What you send now replaces your earlier answer.');
    // Another citizen's form is empty.
    const other = await signedIn(await createPerson(app.strapi, 'citizen'));
    expect((await other.get(`/en/consultations/${fixtures.openConsultation}/answer`)).body).not.toContain('Meetings are held during school hours.');

    const changed = await browser.post(`/en/consultations/${fixtures.openConsultation}/answer`, { 'answer-priorities': 'A youth centre open late.', 'answer-barriers': 'Nobody tells us.', consent: 'yes' });
    expect(changed.location).toBe(`/en/consultations/${fixtures.openConsultation}?done=changed`);
    const inputs = (await api(`/municipalities/SHK/consultations/${fixtures.openConsultation}/inputs`, fixtures.facilitator)).body.data as Array<{ channel: string; answers: unknown }>;
    expect(inputs).toEqual([
      expect.objectContaining({ channel: 'online', answers: [{ questionId: 'priorities', text: 'A youth centre open late.' }, { questionId: 'barriers', text: 'Nobody tells us.' }] }),
    ]);
  });

  it('show what was heard, counts by channel and who took part with small groups suppressed, and what was done', async () => {
    const page = await portalClient(app).get(`/en/consultations/${fixtures.summarisedConsultation}`);
    const text = textOf(page.body);
    expect(text).toContain('Saturdays Most people asked for the centre to open on Saturdays.');
    // Two phone answers are not published, nor what would give them away; zeros are.
    expect(text).toMatch(/Online 0 Paper form not published Focus group not published Meeting 0 Phone not published/);
    expect(text).toContain('In all: 14');
    expect(text).toMatch(/Women not published Men not published In their own words 0 Preferred not to say not published Not stated 0/);
    expect(text).toMatch(/Roma not published Egyptian not published Another minority community 0/);
    // No published count describes between 1 and 9 people.
    expect(text.slice(text.indexOf('How the answers came in'), text.indexOf('What was done with it'))).not.toMatch(/ [1-9] /);
    expect(page.body).toContain(`<a href="/en/proposals/${fixtures.proposal}">Two more home carers in the villages</a>`);
    expect(text).toContain('Publish the home care waiting list every month.');
    expect(text).toContain('This consultation no longer takes answers.');
    // The page quotes the API's frozen summary, not a count of its own.
    const summary = ((await api(`/consultations/${fixtures.summarisedConsultation}`)).body.data as { summary: { inputsByChannel: Record<string, unknown> } }).summary;
    expect(summary.inputsByChannel).toEqual({ online: 0, paper: 'suppressed', 'focus-group': 'suppressed', meeting: 0, phone: 'suppressed' });
  });

  it('refuse answers to a consultation that is not open with a 409 page', async () => {
    const browser = await signedIn(citizen);
    expect((await browser.get(`/en/consultations/${fixtures.summarisedConsultation}/answer`)).status).toBe(409);
    await browser.get(`/en/consultations/${fixtures.openConsultation}/answer`);
    const answer = await browser.post(`/en/consultations/${fixtures.summarisedConsultation}/answer`, { 'answer-priorities': 'Late.', consent: 'yes' });
    expect(answer.status).toBe(409);
  });
});

/**
 * Who may read or use each page, written out by hand as access-matrix.test.ts does for the API: the
 * portal must decide exactly as the content API's rules (public reading, signed-in registering and
 * answering, in any municipality). 200 a page, 303 a redirect (to sign in for `anonymous`, to the
 * result for everyone else).
 */
describe('access, as the content API decides it', () => {
  type Who = 'anonymous' | 'citizen' | 'municipal-staff' | 'moderator' | 'cso-facilitator';
  const WHO: Who[] = ['anonymous', 'citizen', 'municipal-staff', 'moderator', 'cso-facilitator'];
  const everyone = (status: number) => Object.fromEntries(WHO.map((who) => [who, status])) as Record<Who, number>;
  const signedInOnly = (status: number) => ({ ...everyone(status), anonymous: 303 });
  const CASES: Array<{ name: string; method: 'GET' | 'POST'; path: (f: CommunityFixtures) => string; form?: Record<string, string>; expected: Record<Who, number> }> = [
    { name: 'dialogue groups', method: 'GET', path: () => '/municipalities/SHK/dialogue-groups', expected: everyone(200) },
    { name: 'a dialogue group', method: 'GET', path: (f) => `/dialogue-groups/${f.group}`, expected: everyone(200) },
    { name: 'a meeting', method: 'GET', path: (f) => `/meetings/${f.comingMeeting}`, expected: everyone(200) },
    { name: 'consultations', method: 'GET', path: () => '/municipalities/SHK/consultations', expected: everyone(200) },
    { name: 'a consultation', method: 'GET', path: (f) => `/consultations/${f.openConsultation}`, expected: everyone(200) },
    { name: 'the answer form', method: 'GET', path: (f) => `/consultations/${f.openConsultation}/answer`, expected: signedInOnly(200) },
    { name: 'answering', method: 'POST', path: (f) => `/consultations/${f.openConsultation}/answer`, form: { 'answer-priorities': 'Yes.', consent: 'yes' }, expected: signedInOnly(303) },
    { name: 'registering', method: 'POST', path: (f) => `/meetings/${f.comingMeeting}/registration`, form: { accessibilityNeeds: '' }, expected: signedInOnly(303) },
    { name: 'withdrawing a registration', method: 'POST', path: (f) => `/meetings/${f.comingMeeting}/registration/withdraw`, expected: signedInOnly(303) },
  ];

  let readers: Record<Who, ReturnType<typeof portalClient>>;
  beforeAll(async () => {
    readers = {
      anonymous: portalClient(app),
      citizen: await signedIn(citizen),
      'municipal-staff': await signedIn(staff),
      moderator: await signedIn(moderator),
      'cso-facilitator': await signedIn(fixtures.facilitator),
    };
  });

  it.each(CASES)('$name', async ({ method, path, form, expected }) => {
    const outcomes = {} as Record<Who, number>;
    for (const who of WHO) {
      const reader = readers[who];
      const address = `/en${path(fixtures)}`;
      // A page with a form first, for the CSRF token (signed out, the sign-in form).
      await reader.get(who === 'anonymous' ? '/en/sign-in' : '/en/municipalities/SHK');
      const answer = method === 'GET' ? await reader.get(address) : await reader.post(address, form ?? {});
      outcomes[who] = answer.status;
      if (who === 'anonymous' && answer.status === 303) expect(answer.location).toMatch(/^\/en\/sign-in\?returnTo=/);
    }
    expect(outcomes).toEqual(expected);
  });
});
