// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import { createCommunity, type CommunityFixtures } from '../harness/community';
import { launchBrowser, newPortalContext, pressEnterAndLoad, tabTo } from '../harness/browser';
import { seedCommunity } from '../../plugins/participation/server/demo/community';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';
import { describeEveryPage, describeKeyboardRuns, type PageCase } from '../harness/page-suite';

/**
 * The dialogue group, meeting and consultation pages in a real Chromium: every page in each state in sq,
 * en and vi (axe, reflow at 320 px, weight), and with the keyboard alone, JavaScript on and off, a citizen
 * registers for the demo meeting with an accessibility need (which the organiser then reads through the
 * API) and answers the demo's open consultation.
 */
interface Fixtures extends CommunityFixtures {
  demoMeeting: string;
  demoConsultation: string;
}

type Reader = 'visitor' | 'citizen';

const PAGES: Array<PageCase<Fixtures, Reader>> = [
  { name: 'municipality with its community links', as: 'visitor', path: () => '/municipalities/SHK' },
  { name: 'dialogue groups', as: 'visitor', path: () => '/municipalities/SHK/dialogue-groups' },
  { name: 'dialogue group with members, seats, meetings and its register', as: 'visitor', path: ({ group }) => `/dialogue-groups/${group}` },
  { name: 'meeting, signed out', as: 'visitor', path: ({ demoMeeting }) => `/meetings/${demoMeeting}` },
  { name: 'meeting, the registration form', as: 'citizen', path: ({ demoMeeting }) => `/meetings/${demoMeeting}` },
  { name: 'meeting, registration with errors', as: 'citizen', path: ({ demoMeeting }) => `/meetings/${demoMeeting}`, submit: { accessibilityNeeds: 'x'.repeat(501) }, status: 400 },
  { name: 'meeting, registered', as: 'citizen', path: ({ comingMeeting }) => `/meetings/${comingMeeting}?done=registered` },
  { name: 'meeting, full', as: 'citizen', path: ({ fullMeeting }) => `/meetings/${fullMeeting}` },
  { name: 'meeting, cancelled', as: 'visitor', path: ({ cancelledMeeting }) => `/meetings/${cancelledMeeting}` },
  { name: 'meeting held, with minutes and suppressed attendance', as: 'visitor', path: ({ heldMeeting }) => `/meetings/${heldMeeting}` },
  { name: 'consultations', as: 'visitor', path: () => '/municipalities/SHK/consultations' },
  { name: 'consultation open, signed out', as: 'visitor', path: ({ demoConsultation }) => `/consultations/${demoConsultation}` },
  { name: 'consultation open, signed in', as: 'citizen', path: ({ openConsultation }) => `/consultations/${openConsultation}?done=answered` },
  { name: 'consultation, the answer form', as: 'citizen', path: ({ demoConsultation }) => `/consultations/${demoConsultation}/answer` },
  { name: 'consultation, an answer with errors', as: 'citizen', path: ({ demoConsultation }) => `/consultations/${demoConsultation}/answer`, submit: {}, status: 400 },
  { name: 'consultation with what was heard', as: 'visitor', path: ({ summarisedConsultation }) => `/consultations/${summarisedConsultation}` },
  { name: 'consultation no longer taking answers', as: 'citizen', path: ({ summarisedConsultation }) => `/consultations/${summarisedConsultation}/answer`, status: 409 },
];

let app: TestApp;
let browser: Browser;
let citizen: TestPerson;
let fixtures: Fixtures;

beforeAll(async () => {
  browser = await launchBrowser();
  let staff: TestPerson;
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  const demoFacilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  citizen = await createPerson(app.strapi, 'citizen');
  await seedCommunity(app.strapi, { citizen: citizen.id, facilitator: demoFacilitator.id, staff: staff.id });
  const [demoMeetings, demoConsultations] = await Promise.all([
    getService(app.strapi, 'meeting').find({ municipality: 'SHK', page: 1, pageSize: 100 }),
    getService(app.strapi, 'consultation').find({ municipality: 'SHK', page: 1, pageSize: 100 }),
  ]);
  const community = await createCommunity(app.strapi, 'SHK');
  fixtures = {
    ...community,
    demoMeeting: demoMeetings.data.find((meeting) => meeting.title.startsWith('Plani social'))!.documentId,
    demoConsultation: demoConsultations.data.find((consultation) => consultation.topic.startsWith('Shërbimet për të rinjtë'))!.documentId,
  };
  await getService(app.strapi, 'meeting').register(fixtures.comingMeeting, citizen.id, 'A quiet room to rest in');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const t = translatorFor('en').t;


describeEveryPage('every community page', PAGES, () => ({ browser, baseUrl: app.baseUrl, fixtures, readers: { visitor: null, citizen } }));

describeKeyboardRuns(() => ({ browser, app }), ({ javaScriptEnabled, context, person }) => {
  it('registers for the demo meeting with an accessibility need, which the organiser reads and no page shows', async () => {
    const need = `Sign language, please (keyboard, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`;
    const page = await context().newPage();
    await page.goto('/en/municipalities/SHK');
    await tabTo(page, t('municipality.dialogueGroupsLink'));
    await pressEnterAndLoad(page);
    await tabTo(page, 'LSDG Shkodër – kujdesi social / social care');
    await pressEnterAndLoad(page);
    // The meeting's link is on the group's page; tabTo cannot name it (the harness reads names from
    // Playwright's ARIA snapshot, which quotes a name holding ": " differently), so the address is typed.
    await expect(page.getByRole('link', { name: 'Plani social 2026–2028: leximi i parë – Social care plan: first reading' }).count()).resolves.toBe(1);
    await page.goto(`/en/meetings/${fixtures.demoMeeting}`);
    await tabTo(page, t('meeting.needsLabel'));
    await page.keyboard.type(need);
    await tabTo(page, t('meeting.register'));
    await pressEnterAndLoad(page);
    expect(page.url()).toContain('?done=registered');
    await expect(page.locator('main [role="status"]').textContent()).resolves.toBe(t('meeting.done.registered'));
    expect(await page.content()).not.toContain(need);

    const registrations = await fetch(`${app.baseUrl}/api/participation/municipalities/SHK/meetings/${fixtures.demoMeeting}/registrations?pageSize=100`, { headers: fixtures.facilitator.auth });
    expect(registrations.status).toBe(200);
    expect(((await registrations.json()) as { data: unknown[] }).data).toContainEqual(expect.objectContaining({ username: person().username, accessibilityNeeds: need }));
    const visitor = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled });
    const publicPage = await visitor.newPage();
    for (const path of [`/en/meetings/${fixtures.demoMeeting}`, '/en/municipalities/SHK/dialogue-groups', `/sq/meetings/${fixtures.demoMeeting}`]) {
      await publicPage.goto(path);
      expect(await publicPage.content()).not.toContain(need);
    }
    await visitor.close();
  });

  it('answers the demo’s open consultation', async () => {
    const page = await context().newPage();
    await page.goto('/en/municipalities/SHK');
    await tabTo(page, t('municipality.consultationsLink'));
    await pressEnterAndLoad(page);
    await tabTo(page, 'Shërbimet për të rinjtë – Youth services');
    await pressEnterAndLoad(page);
    await tabTo(page, t('consultation.answer'));
    await pressEnterAndLoad(page);
    await tabTo(page, 'What matters most to you?');
    await page.keyboard.type('A youth centre open in the evening.');
    await tabTo(page, t('consultation.consentLabel'));
    await page.keyboard.press('Space');
    await tabTo(page, t('consultation.sendAnswer'));
    await pressEnterAndLoad(page);
    expect(page.url()).toContain('?done=answered');
    await expect(page.locator('main [role="status"]').textContent()).resolves.toBe(t('consultation.done.answered'));
    const answers = await getService(app.strapi, 'consultation').ownOnlineAnswers(fixtures.demoConsultation, person().id);
    expect(answers).toEqual([{ questionId: 'priorities', text: 'A youth centre open in the evening.' }]);
  });
});
