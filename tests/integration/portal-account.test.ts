import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import { portalClient } from '../harness/portal-client';
import { startSmtpServer } from '../harness/smtp';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  // Before the app boots: the email plugin reads the SMTP settings once, at start.
  smtp = await startSmtpServer();
  ({ app } = await bootWithMunicipality('SHK', 'Shkodër'));
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const signedIn = async (person: { email: string; password: string }) => {
  const browser = portalClient(app);
  await browser.get('/en/sign-in');
  const answer = await browser.post('/en/sign-in', { identifier: person.email, password: person.password, returnTo: '/' });
  expect(answer.status).toBe(303);
  return browser;
};

const apiSignIn = (identifier: string, password: string) => app.http().post('/api/auth/local').send({ identifier, password });

/** The page's address in a mailed link: the link is on the configured public address, the test's server elsewhere. */
const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe('forgotten password', () => {
  it('mails a link in the page language; the reset refuses the old password, takes the new one and ends every session', async () => {
    const person = await createPerson(app.strapi, 'citizen');
    const earlier = await signedIn(person);
    expect((await earlier.get('/en/account')).status).toBe(200);

    const browser = portalClient(app);
    await browser.get('/sq/forgot-password');
    const asked = await browser.post('/sq/forgot-password', { email: person.email.toUpperCase() });
    expect(asked.status).toBe(303);
    expect(asked.location).toBe('/sq/forgot-password?sent=1');

    const [mail] = smtp.to(person.email);
    expect(mail.from).toBe('portal@example.test');
    expect(mail.subject).toBe('Zgjidhni një fjalëkalim të ri');
    expect(mail.text).toContain(person.username);
    const link = /https?:\/\/\S+/.exec(mail.text)![0];
    expect(link).toMatch(/\/sq\/reset-password\?code=[0-9a-f]{128}$/);

    const form = await browser.get(pathOf(link));
    expect(form.status).toBe(200);
    const code = new URL(link).searchParams.get('code')!;
    expect(form.body).toContain(`name="code" value="${code}"`);

    const mismatch = await browser.post('/sq/reset-password', { code, password: 'Brand-New-Secret-7', passwordConfirmation: 'Brand-New-Secret-8' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain('href="#passwordConfirmation"');
    expect(mismatch.body).toContain('id="passwordConfirmation-error"');

    const tooShort = await browser.post('/sq/reset-password', { code, password: 'short', passwordConfirmation: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body).toContain('id="password-error"');

    const reset = await browser.post('/sq/reset-password', { code, password: 'Brand-New-Secret-7', passwordConfirmation: 'Brand-New-Secret-7' });
    expect(reset.status).toBe(303);
    expect(reset.location).toBe('/sq/reset-password?done=1');

    expect((await apiSignIn(person.email, person.password)).status).toBe(400);
    expect((await apiSignIn(person.email, 'Brand-New-Secret-7')).status).toBe(200);
    // The portal session begun before the reset, and the API token issued before it, no longer work.
    const ended = await earlier.get('/en/account');
    expect(ended.status).toBe(303);
    expect(ended.location).toBe(`/en/sign-in?returnTo=${encodeURIComponent('/account')}`);
    expect((await app.http().get('/api/participation/me').set(person.auth)).status).toBe(401);
    await signedIn({ email: person.email, password: 'Brand-New-Secret-7' });

    // The link works once.
    const again = await browser.get(pathOf(link));
    expect(again.status).toBe(404);
    await browser.get('/sq/forgot-password');
    expect((await browser.post('/sq/reset-password', { code, password: 'Another-Secret-9', passwordConfirmation: 'Another-Secret-9' })).status).toBe(400);
    expect((await apiSignIn(person.email, 'Another-Secret-9')).status).toBe(400);
  });

  it('answers an unknown address exactly as a known one, and mails nobody', async () => {
    const before = smtp.mails.length;
    const browser = portalClient(app);
    await browser.get('/en/forgot-password');
    const answer = await browser.post('/en/forgot-password', { email: 'nobody-here@example.test' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/en/forgot-password?sent=1');
    expect(smtp.mails.length).toBe(before);
    const sent = await browser.get(answer.location!);
    expect(sent.body).toContain('If an account uses this e-mail address');
  });

  it('names the field when the address is not one, keeping what was typed', async () => {
    const browser = portalClient(app);
    await browser.get('/en/forgot-password');
    const answer = await browser.post('/en/forgot-password', { email: 'not an address' });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('href="#email"');
    expect(answer.body).toContain('value="not an address"');
  });

  it('refuses a made-up code', async () => {
    const browser = portalClient(app);
    expect((await browser.get(`/en/reset-password?code=${'ab'.repeat(64)}`)).status).toBe(404);
    expect((await browser.get('/en/reset-password?code=x')).status).toBe(404);
  });

  // Last of the password tests: it spends this address's allowance.
  it('counts against the password throttle of the API, per address, and then sends nothing', async () => {
    const person = await createPerson(app.strapi, 'citizen');
    const { passwordRequestsPerAddress } = app.strapi.plugin('participation').config('accounts.throttle') as { passwordRequestsPerAddress: number };
    const browser = portalClient(app);
    // Each answer is a redirect without a form: the form is read again for its CSRF token.
    const ask = async (email: string) => {
      await browser.get('/en/forgot-password');
      return browser.post('/en/forgot-password', { email });
    };
    let answer = await ask('somebody-else@example.test');
    for (let attempt = 0; attempt < passwordRequestsPerAddress && answer.status !== 429; attempt += 1) answer = await ask('somebody-else@example.test');
    expect(answer.status).toBe(429);
    expect(answer.body).toContain('Too many password requests');
    const refused = await ask(person.email);
    expect(refused.status).toBe(429);
    expect(smtp.to(person.email)).toHaveLength(0);
    expect((await app.http().post('/api/auth/forgot-password').send({ email: person.email })).status).toBe(429);
  });
});

describe('registration', () => {
  const register = async (form: { username: string; email: string }) => {
    const browser = portalClient(app);
    await browser.get('/en/register');
    return browser.post('/en/register', { ...form, password: 'a long enough password' });
  };
  const accountsWith = (email: string) => app.strapi.db.query('plugin::users-permissions.user').count({ where: { email } });

  it('with confirmation by e-mail, answers a taken address as a new one and tells only the address’s owner', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    await store.set({ key: 'advanced', value: { ...advanced, email_confirmation: true } });
    try {
      const fresh = await register({ username: 'New Neighbour', email: 'new.neighbour@example.test' });
      expect(fresh).toMatchObject({ status: 303, location: '/en/registered?confirm=email' });
      expect(smtp.to('new.neighbour@example.test')).toHaveLength(1);

      const owner = await createPerson(app.strapi, 'citizen');
      const taken = await register({ username: 'Someone Else', email: owner.email.toUpperCase() });
      expect(taken).toMatchObject({ status: 303, location: fresh.location });
      expect(await accountsWith(owner.email)).toBe(1);
      const [mail] = smtp.to(owner.email);
      expect(mail.subject).toBe('You already have an account');
      expect(mail.text).toContain(owner.username);
      expect(pathOf(/https?:\/\/\S+/.exec(mail.text)![0])).toBe('/en/sign-in');
      expect(mail.html).toContain('<a href=');
    } finally {
      await store.set({ key: 'advanced', value: advanced });
    }
  });

  it('without it, says the address is taken beside the field (a new account is signed in at once), creating nothing', async () => {
    const owner = await createPerson(app.strapi, 'citizen');
    const taken = await register({ username: 'Another One', email: owner.email });
    expect(taken.status).toBe(400);
    expect(taken.body).toContain('id="email-error"');
    expect(taken.body).toContain(`value="${owner.email}"`);
    expect(await accountsWith(owner.email)).toBe(1);
    expect(smtp.to(owner.email)).toHaveLength(0);
  });
});

describe('profile', () => {
  let person: TestPerson;
  beforeAll(async () => {
    person = await createPerson(app.strapi, 'citizen');
  });

  it('asks an anonymous visitor to sign in', async () => {
    const answer = await portalClient(app).get('/en/account/profile');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/en/sign-in?returnTo=${encodeURIComponent('/account/profile')}`);
  });

  it('shows each error beside its field, keeps the values and saves nothing', async () => {
    const browser = await signedIn(person);
    await browser.get('/en/account/profile');
    const answer = await browser.post('/en/account/profile', { residenceMunicipalityCode: 'NOWHERE', birthDate: '2999-01-01' });
    expect(answer.status).toBe(400);
    for (const field of ['birthDate']) {
      expect(answer.body).toContain(`href="#${field}"`);
      expect(answer.body).toContain(`id="${field}-error"`);
    }
    expect(answer.body).toContain('value="2999-01-01"');
    const unknownPlace = await browser.post('/en/account/profile', { residenceMunicipalityCode: 'NOWHERE', birthDate: '2001-03-25' });
    expect(unknownPlace.status).toBe(400);
    expect(unknownPlace.body).toContain('id="residenceMunicipalityCode-error"');
    const me = await app.http().get('/api/participation/me').set(person.auth);
    expect(me.body.data.profile).toMatchObject({ residenceMunicipalityCode: null, birthDate: null });
  });

  it('saves the residence and birth date that eligibility reads', async () => {
    const browser = await signedIn(person);
    await browser.get('/en/account/profile');
    const saved = await browser.post('/en/account/profile', { residenceMunicipalityCode: 'SHK', birthDate: '2001-03-25' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/en/account/profile?saved=1');
    const page = await browser.get(saved.location!);
    expect(page.body).toContain('Your profile is saved.');
    expect(page.body).toContain('value="2001-03-25"');
    expect(page.body).toMatch(/<option value="SHK" selected="">Shkodër<\/option>/);
    const me = await app.http().get('/api/participation/me').set(person.auth);
    expect(me.body.data.profile).toMatchObject({ residenceMunicipalityCode: 'SHK', birthDate: '2001-03-25' });
  });
});

describe('demographics', () => {
  const DIFFICULTIES = {
    'wg-seeing': 'no-difficulty',
    'wg-hearing': 'no-difficulty',
    'wg-walking': 'a-lot-of-difficulty',
    'wg-remembering': 'no-difficulty',
    'wg-selfCare': 'no-difficulty',
    'wg-communicating': 'some-difficulty',
  };

  it('needs consent, and names every problem beside its field', async () => {
    const person = await createPerson(app.strapi, 'citizen');
    const browser = await signedIn(person);
    await browser.get('/en/account/demographics');
    const answer = await browser.post('/en/account/demographics', { gender: 'man', genderSelfDescription: 'my words', birthYear: '1985', ageBand: '30-44', 'wg-seeing': 'no-difficulty' });
    expect(answer.status).toBe(400);
    for (const field of ['consent', 'genderSelfDescription', 'ageBand', 'wg-hearing']) {
      expect(answer.body).toContain(`href="#${field}"`);
      expect(answer.body).toContain(`id="${field}-error"`);
    }
    expect(answer.body).toContain('value="1985"');
    const status = await app.http().get('/api/participation/me').set(person.auth);
    expect(status.body.data.demographics.declared).toBe(false);
  });

  it('saves, shows to the person alone, and withdraws after asking once more', async () => {
    const [person, other] = await Promise.all([createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'citizen')]);
    const browser = await signedIn(person);
    await browser.get('/en/account/demographics');
    const saved = await browser.post('/en/account/demographics', {
      gender: 'self-described',
      genderSelfDescription: 'Two-spirit',
      birthYear: '1985',
      minorityGroup: 'roma',
      consent: 'yes',
      ...DIFFICULTIES,
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/en/account/demographics?done=saved');
    const page = await browser.get(saved.location!);
    expect(page.body).toContain('Your answers are saved.');
    expect(page.body).toContain('Two-spirit');
    expect(page.body).toContain('Born in 1985');
    expect(page.body).toContain('Yes, a lot of difficulty');
    expect((await app.http().get('/api/participation/me').set(person.auth)).body.data.demographics.declared).toBe(true);

    // Another person's page shows their own (nothing), never these.
    const otherPage = await (await signedIn(other)).get('/en/account/demographics');
    expect(otherPage.status).toBe(200);
    expect(otherPage.body).toContain('You have not given any answers.');
    expect(otherPage.body).not.toContain('Two-spirit');
    expect((await portalClient(app).get('/en/account/demographics')).status).toBe(303);

    const confirm = await browser.get('/en/account/demographics/withdraw');
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('Yes, erase my answers');
    const withdrawn = await browser.post('/en/account/demographics/withdraw', {});
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.location).toBe('/en/account/demographics?done=withdrawn');
    const after = await browser.get(withdrawn.location!);
    expect(after.body).toContain('Your answers are erased.');
    expect(after.body).not.toContain('Two-spirit');
    expect((await app.http().get('/api/participation/me').set(person.auth)).body.data.demographics.declared).toBe(false);
  });
});

it('links the account from the header when signed in, and lists its pages', async () => {
  const person = await createPerson(app.strapi, 'citizen');
  const browser = await signedIn(person);
  const home = await browser.get('/en');
  expect(home.body).toContain('href="/en/account"');
  const account = await browser.get('/en/account');
  expect(account.status).toBe(200);
  expect(account.body).toContain('href="/en/account/profile"');
  expect(account.body).toContain('href="/en/account/demographics"');
  expect((await portalClient(app).get('/en')).body).not.toContain('href="/en/account"');
});
