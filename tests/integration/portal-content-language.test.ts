/**
 * Text people write carries its own language (#13, Languages; WCAG 3.1.2): a page in one language marks
 * an item written in another with `lang` (and `dir`) on the element holding it, and marks nothing when
 * they match. An item that names no language is in its municipality's content language.
 */
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { portalClient, signedInPortalClient } from '../harness/portal-client';
import { sender } from '../harness/requests';

let app: TestApp;
let staff: TestPerson;
let citizen: TestPerson;
let englishRound: string;
let unmarkedRound: string;

const api = '/api/participation';
const send = sender(() => app);

/** The content of the page's h1, as rendered. */
const headingOf = (html: string) => /<h1>(.*?)<\/h1>/s.exec(html)?.[1] ?? '';
/** The page's main content: the language switch outside it names each language in itself. */
const mainOf = (html: string) => /<main[^>]*>(.*)<\/main>/s.exec(html)?.[1] ?? '';

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  citizen = await createPerson(app.strapi, 'citizen');
  const municipality = await app.strapi.db.query('plugin::participation.municipality').findOne({ where: { code: 'SHK' } });
  await app.strapi.documents('plugin::participation.municipality').update({ documentId: municipality.documentId, data: { contentLanguage: 'sq' } as never });
  await app.strapi.plugin('participation').service('budget-line').create('SHK', {
    fiscalYear: 2026, code: '1040-01', name: 'Shërbime sociale', programme: null, functionalClassification: null,
    approvedMinor: '100000000', revisedMinor: '100000000', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
  });
  englishRound = await createRound(app.strapi, 'SHK', { phase: 'proposals', title: 'Public spaces 2027', description: 'Choose any projects whose costs add up to the budget.', language: 'en' });
  unmarkedRound = await createRound(app.strapi, 'SHK', { phase: 'proposals', title: 'Hapësira publike 2027', description: 'Ide për sheshe dhe parqe.' });
});
afterAll(() => app?.close());

describe('a page marks text written in another language', () => {
  it('marks an English round on an Albanian page, and nothing on an English one', async () => {
    const albanian = await portalClient(app).get(`/sq/rounds/${englishRound}`);
    expect(albanian.status).toBe(200);
    expect(headingOf(albanian.body)).toBe('<span lang="en" dir="ltr">Public spaces 2027</span>');
    expect(albanian.body).toContain('<p lang="en" dir="ltr">Choose any projects whose costs add up to the budget.</p>');

    const english = await portalClient(app).get(`/en/rounds/${englishRound}`);
    expect(headingOf(english.body)).toBe('Public spaces 2027');
    expect(english.body).toContain('<p>Choose any projects whose costs add up to the budget.</p>');
    expect(mainOf(english.body)).not.toContain('lang=');
  });

  it("takes an item that names no language as written in its municipality's", async () => {
    const english = await portalClient(app).get(`/en/rounds/${unmarkedRound}`);
    expect(headingOf(english.body)).toBe('<span lang="sq" dir="ltr">Hapësira publike 2027</span>');
    const albanian = await portalClient(app).get(`/sq/rounds/${unmarkedRound}`);
    expect(headingOf(albanian.body)).toBe('Hapësira publike 2027');
    // The municipality's page lists both rounds, each as written.
    const overview = await portalClient(app).get('/vi/municipalities/SHK');
    expect(overview.body).toContain('<span lang="en" dir="ltr">Public spaces 2027</span>');
    expect(overview.body).toContain('<span lang="sq" dir="ltr">Hapësira publike 2027</span>');
  });
});

describe('the content API takes an item\'s language', () => {
  const proposal = (extra: object = {}) => ({
    data: { title: 'Benches in the park', description: 'Benches along the river path.', requestedAmount: '100', budgetLineCodes: ['1040-01'], ...extra },
  });

  it('stores and answers the language it is given, and null when none is', async () => {
    const named = await send(citizen, 'post', `${api}/rounds/${englishRound}/proposals`, proposal({ language: 'vi' }));
    expect(named.status).toBe(201);
    expect(named.body.data.language).toBe('vi');
    const unnamed = await send(citizen, 'post', `${api}/rounds/${englishRound}/proposals`, proposal({ title: 'Shade trees by the school' }));
    expect(unnamed.status).toBe(201);
    expect(unnamed.body.data.language).toBeNull();

    const page = await portalClient(app).get(`/en/proposals/${named.body.data.documentId}`);
    expect(headingOf(page.body)).toBe('<span lang="vi" dir="ltr">Benches in the park</span>');
  });

  it('refuses a language the portal does not have, naming the field, and writes nothing', async () => {
    const before = await app.strapi.db.query('plugin::participation.proposal').count();
    for (const language of ['xx', 'EN', 42]) {
      const refused = await send(citizen, 'post', `${api}/rounds/${englishRound}/proposals`, proposal({ language }));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('language');
    }
    const thread = await send(citizen, 'post', `${api}/forums/nosuchforum/threads`, { data: { title: 'A thread', body: '<p>Text</p>', language: 'fr' } });
    expect(thread.status).toBe(400);
    expect(thread.body.error.message).toContain('language');
    expect(await app.strapi.db.query('plugin::participation.proposal').count()).toBe(before);
  });
});

describe('a portal form writes in the page\'s language', () => {
  it('offers the page\'s language on the proposal form and stores the one chosen', async () => {
    const browser = await signedInPortalClient(app, citizen);
    const form = await browser.get(`/vi/rounds/${englishRound}/proposals/new`);
    expect(form.body).toMatch(/<option value="vi" lang="vi" selected="">Tiếng Việt<\/option>/);

    const submitted = await browser.post(`/vi/rounds/${englishRound}/proposals/new`, {
      language: 'vi', title: 'Lối đi cho xe lăn', description: 'Một lối đi cho xe lăn ở trạm y tế.', requestedAmount: '100', budgetLineCodes: ['1040-01'], genderMarker: 'none', youthMarker: 'none',
    });
    expect(submitted.status).toBe(303);
    const id = /\/proposals\/([^?]+)\?/.exec(submitted.location ?? '')?.[1];
    const stored = await send(null, 'get', `${api}/proposals/${id}`);
    expect(stored.body.data.language).toBe('vi');

    await browser.get(`/vi/rounds/${englishRound}/proposals/new`);
    const refused = await browser.post(`/vi/rounds/${englishRound}/proposals/new`, {
      language: 'xx', title: 'Lối đi cho xe lăn', description: 'Một lối đi cho xe lăn ở trạm y tế.', requestedAmount: '100', budgetLineCodes: ['1040-01'], genderMarker: 'none', youthMarker: 'none',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('href="#language"');
    expect(refused.body).toContain('id="language-error"');
  });

  it('marks a post written on an English page when an Albanian page shows it', async () => {
    const forum = await app.strapi.plugin('participation').service('forum').createForum('SHK', { title: 'Sheshi i qytetit', description: 'Ide për qytetin.' }, citizen.id);
    const browser = await signedInPortalClient(app, citizen);
    await browser.get(`/en/forums/${forum.documentId}/threads/new`);
    const opened = await browser.post(`/en/forums/${forum.documentId}/threads/new`, { title: 'Lights in Rozafa park', body: 'The paths are dark after seven.' });
    expect(opened.status).toBe(303);
    const threadId = /\/threads\/([^?]+)\?/.exec(opened.location ?? '')?.[1];

    const albanian = await portalClient(app).get(`/sq/threads/${threadId}`);
    expect(headingOf(albanian.body)).toBe('<span lang="en" dir="ltr">Lights in Rozafa park</span>');
    expect(albanian.body).toMatch(/<div class="prose" lang="en" dir="ltr"><p>The paths are dark after seven\.<\/p><\/div>/);
    // The forum names no language: it is in the municipality's, as the page is.
    expect(albanian.body).toContain(`<a href="/sq/forums/${forum.documentId}">Sheshi i qytetit</a>`);

    const english = await portalClient(app).get(`/en/threads/${threadId}`);
    expect(headingOf(english.body)).toBe('Lights in Rozafa park');
    expect(english.body).toMatch(/<div class="prose"><p>The paths are dark after seven\.<\/p><\/div>/);
  });
});

/** Albanian text marked as such, as UserText marks it on a page in another language. */
const albanian = (text: string) => `<span lang="sq" dir="ltr">${text}</span>`;
const english = (text: string) => `<span lang="en" dir="ltr">${text}</span>`;

describe('the ballot marks the titles on it', () => {
  let roundId: string;
  let unmarked: string;
  let named: string;

  beforeAll(async () => {
    // The round and one proposal name no language (Albanian, the municipality's); the other is English.
    roundId = await createRound(app.strapi, 'SHK', { title: 'Buxheti me pjesëmarrje 2027', schedule: { votingClose: '2030-01-31' } });
    unmarked = await createProposal(app.strapi, roundId, 'SHK', { title: 'Ndriçim në park', requestedMinor: '10000', proposalStatus: 'on_ballot', ballotNumber: 1 });
    named = await createProposal(app.strapi, roundId, 'SHK', { title: 'Benches by the river', language: 'en', requestedMinor: '20000', proposalStatus: 'on_ballot', ballotNumber: 2 });
    await advanceRound(app.strapi, roundId, 'voting');
  });

  it("marks each project with its proposal's language, and the round's title, from the ballot to the receipt", async () => {
    const voter = await signedInPortalClient(app, await createPerson(app.strapi, 'citizen'));
    const choose = await voter.get(`/en/rounds/${roundId}/vote`);
    expect(choose.status).toBe(200);
    expect(choose.body).toContain(`<a href="/en/rounds/${roundId}">${albanian('Buxheti me pjesëmarrje 2027')}</a>`);
    expect(choose.body).toMatch(new RegExp(`<label for="[^"]+">${albanian('Ndriçim në park')}</label>`));
    expect(choose.body).toMatch(/<label for="[^"]+">Benches by the river<\/label>/);
    const inAlbanian = await voter.get(`/sq/rounds/${roundId}/vote`);
    expect(inAlbanian.body).toMatch(new RegExp(`<label for="[^"]+">${english('Benches by the river')}</label>`));
    expect(inAlbanian.body).toMatch(/<label for="[^"]+">Ndriçim në park<\/label>/);

    await voter.get(`/en/rounds/${roundId}/vote`);
    const review = await voter.post(`/en/rounds/${roundId}/vote`, { projects: [unmarked, named] });
    expect(review.status).toBe(200);
    expect(review.body).toContain(`<li>${albanian('Ndriçim në park')} – `);
    expect(review.body).toContain('<li>Benches by the river – ');

    const cast = await voter.post(`/en/rounds/${roundId}/vote/confirm`, { projects: [unmarked, named] });
    expect(cast.status).toBe(303);
    const receipt = await voter.get(`/en/rounds/${roundId}/vote/receipt`);
    expect(receipt.body).toContain(`Back to ${albanian('Buxheti me pjesëmarrje 2027')}`);
    const check = await portalClient(app).get(`/en/rounds/${roundId}/receipt-check`);
    expect(check.body).toContain(`<a href="/en/rounds/${roundId}">${albanian('Buxheti me pjesëmarrje 2027')}</a>`);
    expect(mainOf((await portalClient(app).get(`/sq/rounds/${roundId}/receipt-check`)).body)).not.toContain('lang=');
  });

  it("marks them on the facilitator's desk", async () => {
    const desk = await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['SHK']));
    const page = await desk.get(`/en/workspace/SHK/ballot-desk/${roundId}`);
    expect(page.status).toBe(200);
    expect(headingOf(page.body)).toBe(`Ballot desk: ${albanian('Buxheti me pjesëmarrje 2027')}`);
    expect(page.body).toMatch(new RegExp(`<label for="[^"]+">${albanian('Ndriçim në park')}</label>`));
    expect(page.body).toMatch(/<label for="[^"]+">Benches by the river<\/label>/);
    const list = await desk.get('/en/workspace/SHK/ballot-desk');
    expect(list.body).toContain(`${albanian('Buxheti me pjesëmarrje 2027')}</a>`);
  });
});

describe('a title quoted in a translated sentence keeps its language', () => {
  it('marks a round in the results heading and the follow page, and nothing when the page is in its language', async () => {
    const roundId = await createRound(app.strapi, 'SHK', { title: 'Rrugët e lagjes', phase: 'proposals' });
    const results = await portalClient(app).get(`/en/rounds/${roundId}/results`);
    expect(headingOf(results.body)).toBe(`Results: ${albanian('Rrugët e lagjes')}`);
    expect(headingOf((await portalClient(app).get(`/sq/rounds/${roundId}/results`)).body)).not.toContain('lang=');

    const follower = await signedInPortalClient(app, citizen);
    const follow = await follower.get(`/en/rounds/${roundId}/follow`);
    expect(headingOf(follow.body)).toBe(`Notifications for “${albanian('Rrugët e lagjes')}”`);
  });

  it('marks a proposal in the withdraw question', async () => {
    const created = await send(citizen, 'post', `${api}/rounds/${englishRound}/proposals`, {
      data: { title: 'Stola në shesh', description: 'Stola përgjatë sheshit.', requestedAmount: '100', budgetLineCodes: ['1040-01'] },
    });
    const page = await (await signedInPortalClient(app, citizen)).get(`/en/proposals/${created.body.data.documentId}/withdraw`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`&quot;${albanian('Stola në shesh')}&quot; will no longer take part`);
  });
});

describe('the notifications page marks the titles it quotes', () => {
  it("marks a thread's title in a reply's notification on a page in another language", async () => {
    app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
    const [author, replier] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    const forum = await app.strapi.plugin('participation').service('forum').createForum('SHK', { title: 'Parqet', description: 'Ide.' }, author.id);
    const thread = await send(author, 'post', `${api}/forums/${forum.documentId}/threads`, { data: { title: 'Dark paths by the river', body: '<p>No lights.</p>', language: 'en' } });
    expect(thread.status).toBe(201);
    const reply = await send(replier, 'post', `${api}/threads/${thread.body.data.documentId}/posts`, { data: { body: '<p>Agreed.</p>', replyToPosition: 1 } });
    expect(reply.status).toBe(201);

    const reader = await signedInPortalClient(app, author);
    const inAlbanian = await reader.get('/sq/account/notifications');
    expect(inAlbanian.body).toContain(`“${english('Dark paths by the river')}”`);
    const inEnglish = await reader.get('/en/account/notifications');
    expect(inEnglish.body).toContain(`${replier.username} replied to your post in “Dark paths by the river”`);
  });
});

describe("a person's own pages mark what they wrote", () => {
  it('marks proposals, threads and posts on the activity page and the person\'s posts', async () => {
    const writer = await createPerson(app.strapi, 'citizen');
    await send(writer, 'post', `${api}/rounds/${englishRound}/proposals`, {
      data: { title: 'Kënd lojërash', description: 'Një kënd lojërash për fëmijët.', requestedAmount: '100', budgetLineCodes: ['1040-01'] },
    });
    const forum = await app.strapi.plugin('participation').service('forum').createForum('SHK', { title: 'Lagjja', description: 'Ide për lagjen.' }, writer.id);
    const browser = await signedInPortalClient(app, writer);
    await browser.get(`/en/forums/${forum.documentId}/threads/new`);
    expect((await browser.post(`/en/forums/${forum.documentId}/threads/new`, { title: 'Bins on Main Street', body: 'They overflow on Mondays.' })).status).toBe(303);

    const inEnglish = await browser.get('/en/account/activity');
    expect(inEnglish.body).toContain(`>${albanian('Kënd lojërash')}</a>`);
    expect(inEnglish.body).toContain('In “Bins on Main Street”</a>');
    const inAlbanian = await browser.get('/sq/account/activity');
    expect(inAlbanian.body).toContain('>Kënd lojërash</a>');
    expect(inAlbanian.body).toContain(`“${english('Bins on Main Street')}”</a>`);

    const posts = await portalClient(app).get(`/sq/people/${writer.username}`);
    expect(posts.body).toContain(`“${english('Bins on Main Street')}”`);
    expect(posts.body).toContain('<p lang="en" dir="ltr">They overflow on Mondays.</p>');
    const postsInEnglish = await portalClient(app).get(`/en/people/${writer.username}`);
    expect(mainOf(postsInEnglish.body)).not.toContain('lang=');
  });
});

describe('the workspace marks what people wrote', () => {
  it("marks rounds, proposals under review, dialogue groups and threads a moderator locks", async () => {
    const roundId = await createRound(app.strapi, 'SHK', { title: 'Ujësjellësi', phase: 'review' });
    await createProposal(app.strapi, roundId, 'SHK', { title: 'Water fountains', language: 'en', proposalStatus: 'under_review', budgetLineCodes: ['1040-01'] });
    const office = await signedInPortalClient(app, staff);
    expect((await office.get('/en/workspace/SHK/rounds')).body).toContain(`${albanian('Ujësjellësi')}</a>`);
    expect(headingOf((await office.get(`/en/workspace/SHK/rounds/${roundId}`)).body)).toBe(albanian('Ujësjellësi'));
    const queue = await office.get('/sq/workspace/SHK/review');
    expect(queue.body).toContain(`“${english('Water fountains')}”`);
    expect(queue.body).toContain('Ujësjellësi</h2>');

    const facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
    const group = await app.strapi.plugin('participation').service('dialogue-group').create('SHK', { name: 'Youth council', description: 'Young people plan with the municipality.', reservedSeats: [], language: 'en' }, facilitator.id);
    const groupPage = await (await signedInPortalClient(app, facilitator)).get(`/sq/workspace/SHK/dialogue-groups/${group.documentId}`);
    expect(headingOf(groupPage.body)).toBe(english('Youth council'));
    expect(groupPage.body).toContain('<p lang="en" dir="ltr">Young people plan with the municipality.</p>');

    const forum = await app.strapi.plugin('participation').service('forum').createForum('SHK', { title: 'Qyteti', description: 'Ide.' }, citizen.id);
    const writer = await signedInPortalClient(app, citizen);
    await writer.get(`/en/forums/${forum.documentId}/threads/new`);
    const opened = await writer.post(`/en/forums/${forum.documentId}/threads/new`, { title: 'Potholes on the ring road', body: 'Three of them.' });
    const threadId = /\/threads\/([^?]+)\?/.exec(opened.location ?? '')?.[1];
    const moderator = await signedInPortalClient(app, await createPerson(app.strapi, 'moderator', ['SHK']));
    const lock = await moderator.get(`/sq/workspace/SHK/moderation/threads/${threadId}`);
    expect(lock.status).toBe(200);
    expect(lock.body).toContain(`“${english('Potholes on the ring road')}”`);
    expect(lock.body).not.toContain('lang="sq" dir="ltr">Qyteti');
  });
});
