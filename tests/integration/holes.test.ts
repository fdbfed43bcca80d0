import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import { sender } from '../harness/requests';

/** Issue #11 holes: actions the API accepted although they make no sense. */
let app: TestApp;
let staff: TestPerson;
let moderator: TestPerson;
let forumId: string;

const send = sender(() => app);

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK'));
  moderator = await createPerson(app.strapi, 'moderator', ['SHK']);
  const forum = await send(staff, 'post', '/municipalities/SHK/forums', { data: { title: 'Shkodër town square', description: 'Anything about the city.' } });
  expect(forum.status).toBe(201);
  forumId = forum.body.data.documentId;
});
afterAll(() => app?.close());

describe('suspensions', () => {
  it('refuses a moderator suspending themselves, naming data.userId, and records nothing', async () => {
    const self = await send(moderator, 'post', `/municipalities/SHK/forums/${forumId}/suspensions`, { data: { userId: moderator.id, days: 7, reason: 'abuse' } });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toMatch(/data\.userId/);
    const summary = await send(null, 'get', '/municipalities/SHK/moderation/summary');
    expect(JSON.stringify(summary.body)).not.toMatch(/suspend/);
  });
});

describe('participant profile', () => {
  it('refuses a birth date in the future or before 1900, naming data.birthDate, and keeps the earlier one', async () => {
    const citizen = await createPerson(app.strapi, 'citizen');
    const put = (birthDate: string) => send(citizen, 'put', '/me/profile', { data: { residenceMunicipalityCode: 'SHK', birthDate } });
    expect((await put('2000-01-01')).status).toBe(200);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const birthDate of [tomorrow, '1850-06-01']) {
      const refused = await put(birthDate);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.error)).toMatch(/birthDate/);
    }
    const me = await send(citizen, 'get', '/me');
    expect(me.body.data.profile.birthDate).toBe('2000-01-01');
  });
});
