import { parse } from 'csv-parse/sync';
import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { advanceRound, createOwnMunicipality, createProposal, createVotingRound } from '../harness/fixtures';
import { createPerson, type TestPerson } from '../harness/people';
import { portalClient } from '../harness/portal-client';
import { signInAsAdmin } from '../harness/admin';

/**
 * Participation in budgeting rounds, disaggregated (issue #16 item 1), and the programme indicators
 * (item 3), on municipalities of the file's own whose people are known:
 *
 * - GEN (gender share reserved): district N has 12 women aged 18-29 and 12 men aged 30-44 voting
 *   online with accounts, and 10 women aged 65 or over on paper forms a facilitator entered with what
 *   they stated; district S has 3 women voting online (below k).
 * - YTH (youth share reserved): 10 voters under 18, online; its round leaves voting without the
 *   transition (as rounds closed before these statistics existed), so it is computed at its first read.
 */
let app: TestApp;
let gen: { code: string; staff: TestPerson };
let yth: { code: string; staff: TestPerson };
let facilitator: TestPerson;
let genRound: { roundId: string; projects: string[] };
let ythRound: { roundId: string; projects: string[] };
const year = new Date().getUTCFullYear();
const api = '/api/participation';
let nextUser = 7_000_000;
const genVoters: number[] = [];

const DISTRICTS = [
  { code: 'N', name: 'Veri', budget: '50000' },
  { code: 'S', name: 'Jug', budget: '50000' },
];

/** A voter with an account and a declaration on their profile; user ids need no account row for counting. */
const accountVoter = async (declaration: Record<string, unknown>) => {
  nextUser += 1;
  await app.strapi.db.query('plugin::participation.participant-profile').create({ data: { userId: nextUser, demographics: { ...declaration, consent: true }, demographicsConsentAt: new Date() } });
  return nextUser;
};
const voteOnline = (roundId: string, userId: number, districtCode: string, project: string) =>
  app.strapi.plugin('participation').service('ballot').castOnline(roundId, userId, { districtCode: districtCode || undefined, choices: { projects: [project] } });
const paperBallot = (municipalityCode: string, roundId: string, reference: string, project: string, demographics?: Record<string, unknown>) =>
  app
    .http()
    .post(`${api}/municipalities/${municipalityCode}/rounds/${roundId}/assisted-ballots`)
    .set(facilitator.auth)
    .send({
      channel: 'paper', districtCode: 'N',
      participant: { offlineReference: reference, residenceMunicipalityCode: municipalityCode, ...(demographics ? { demographics } : {}) },
      consent: { given: true, method: 'signed-form' }, choices: { projects: [project] },
    });
const statistics = (roundId: string, query = '') => app.http().get(`${api}/rounds/${roundId}/participation-statistics${query}`);
const district = (body: { data: { districts: Array<{ districtCode: string }> } }, code: string) => body.data.districts.find((entry) => entry.districtCode === code) as never as {
  voters: { byChannel: Record<string, unknown>; statistics: { total: unknown; breakdowns: Record<string, Record<string, unknown>> } };
  proposalAuthors: { statistics: { total: unknown } };
};

beforeAll(async () => {
  app = await bootApp();
  gen = await createOwnMunicipality(app.strapi, 'GEN');
  yth = await createOwnMunicipality(app.strapi, 'YTH');
  facilitator = await createPerson(app.strapi, 'cso-facilitator', [gen.code]);
  const rules = { kind: 'approval', countingRule: 'greedy_cost' };
  genRound = await createVotingRound(app.strapi, gen.code, rules, { fiscalYear: year, districts: DISTRICTS, reservations: [{ marker: 'gender', share: '0.3' }] });
  // Projects 1 and 3 are on district N's ballot, project 2 on S's.
  const [north, south] = genRound.projects;
  const genVoter = async (declaration: Record<string, unknown>) => {
    genVoters.push(await accountVoter(declaration));
    return genVoters[genVoters.length - 1];
  };
  for (let i = 0; i < 12; i++) await voteOnline(genRound.roundId, await genVoter({ gender: 'woman', ageBand: '18-29' }), 'N', north);
  for (let i = 0; i < 12; i++) await voteOnline(genRound.roundId, await genVoter({ gender: 'man', ageBand: '30-44' }), 'N', north);
  for (let i = 0; i < 3; i++) await voteOnline(genRound.roundId, await genVoter({ gender: 'woman', ageBand: '45-64' }), 'S', south);
  for (let i = 0; i < 10; i++) {
    const answer = await paperBallot(gen.code, genRound.roundId, `FORMA-${i}`, north, { gender: 'woman', ageBand: '65-plus', consent: true });
    expect(answer.status).toBe(202);
  }
  ythRound = await createVotingRound(app.strapi, yth.code, rules, { fiscalYear: year, reservations: [{ marker: 'youth', share: '0.5' }] });
  for (let i = 0; i < 10; i++) await voteOnline(ythRound.roundId, await accountVoter({ gender: 'prefer-not-to-say', ageBand: 'under-18' }), '', ythRound.projects[0]);
  // Some fifty ballots and a boot: more than the default hook time on a busy machine.
}, 300_000);
afterAll(() => app?.close());

describe('round participation statistics', () => {
  it('are not published while voting is open', async () => {
    const open = await statistics(genRound.roundId);
    expect(open.status).toBe(409);
  });

  it('are frozen in the transaction that closes voting, with what facilitators recorded counted as stated', async () => {
    const closed = await app.http().post(`${api}/municipalities/${gen.code}/rounds/${genRound.roundId}/transitions`).set(gen.staff.auth).send({ action: 'close-voting' });
    expect(closed.status).toBe(200);
    expect(await app.strapi.db.connection('participation_statistics_publications').where({ population: `round:${genRound.roundId}` })).toHaveLength(1);

    const answer = await statistics(genRound.roundId);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ roundDocumentId: genRound.roundId, municipalityCode: gen.code, fiscalYear: year, k: 10 });
    const north = district(answer.body, 'N');
    expect(north.voters.statistics.total).toBe(34);
    expect(north.voters.byChannel).toEqual({ online: 24, assisted: 0, paper: 10 });
    expect(north.voters.statistics.breakdowns.gender).toEqual({ woman: 22, man: 12, 'self-described': 0, 'prefer-not-to-say': 0, 'not-stated': 0 });
    // Older people are the 65-plus band: here the ten paper voters.
    expect(north.voters.statistics.breakdowns.ageBand).toMatchObject({ '18-29': 12, '30-44': 12, '45-64': 0, '65-plus': 10 });
    expect(north.voters.statistics.breakdowns.disability).toMatchObject({ 'not-stated': 34, yes: 0 });
    // One proposal author (the fixtures' author 0) is below k.
    expect(north.proposalAuthors.statistics.total).toBe('suppressed');
    // Three voters are below k: nothing of district S is published.
    const south = district(answer.body, 'S');
    expect(south.voters.statistics.total).toBe('suppressed');
    expect(south.voters.statistics.breakdowns.gender.woman).toBe('suppressed');
    expect(south.voters.byChannel).toEqual({ online: 'suppressed', assisted: 'suppressed', paper: 'suppressed' });
  });

  it('answers filters from the same tables', async () => {
    const women = await statistics(genRound.roundId, '?gender=woman');
    expect(women.status).toBe(200);
    expect(district(women.body, 'N').voters.statistics).toMatchObject({ total: 22, breakdowns: { ageBand: { '18-29': 12, '65-plus': 10, '30-44': 0 } } });
    const pair = await statistics(genRound.roundId, '?gender=woman&ageBand=65-plus');
    expect(district(pair.body, 'N').voters.statistics).toMatchObject({ total: 10, breakdowns: {} });
  });

  it('never shows a ballot beside the people: no choices, receipts or projects', async () => {
    const text = JSON.stringify((await statistics(genRound.roundId)).body);
    for (const project of genRound.projects) expect(text).not.toContain(project);
    expect(text).not.toMatch(/choices|receipt/i);
  });

  it('does not change when a voter later changes their declaration', async () => {
    await app.strapi.db.query('plugin::participation.participant-profile').updateMany({ where: { userId: { $in: genVoters } }, data: { demographics: { gender: 'man', consent: true } } });
    const after = await statistics(genRound.roundId);
    expect(district(after.body, 'N').voters.statistics.breakdowns.gender).toMatchObject({ woman: 22, man: 12 });
  });

  it('is a CSV with a BOM, one row per district, population, dimension and category', async () => {
    const answer = await app.http().get(`${api}/rounds/${genRound.roundId}/participation-statistics.csv`).buffer(true).parse((response, callback) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(parts).toString('utf8')));
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((answer.body as string).startsWith('\ufeffround_document_id,district_code,population,dimension,category,count')).toBe(true);
    const rows: Array<Record<string, string>> = parse(answer.body as string, { bom: true, columns: true });
    const cell = (districtCode: string, population: string, dimension: string, category: string) =>
      rows.find((row) => row.district_code === districtCode && row.population === population && row.dimension === dimension && row.category === category)?.count;
    expect(cell('N', 'voters', 'channel', 'paper')).toBe('10');
    expect(cell('N', 'voters', 'ageBand', '65-plus')).toBe('10');
    expect(cell('S', 'voters', 'gender', 'woman')).toBe('suppressed');
    expect(cell('N', 'proposalAuthors', 'total', 'all')).toBe('suppressed');
    expect(rows).toHaveLength(2 * (26 + 23));
  });

  it('names what is wrong: an unknown category, too many filters, an unknown round', async () => {
    const unknown = await statistics(genRound.roundId, '?gender=women');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['gender']);
    expect((await statistics(genRound.roundId, '?gender=woman&ageBand=18-29&disability=no')).status).toBe(400);
    expect((await statistics(genRound.roundId, '?district=N')).status).toBe(400);
    expect((await statistics('nosuchround')).status).toBe(404);
    expect((await statistics('not-a-document-id')).status).toBe(400);
  });

  it('refuses demographics recorded without the person’s own consent', async () => {
    const { code } = gen;
    const refused = await paperBallot(code, genRound.roundId, 'FORMA-X', genRound.projects[0], { gender: 'woman' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['participant']);
  });
});

describe('programme indicators', () => {
  const indicators = (query: string) => app.http().get(`${api}/programme-indicators${query}`);

  beforeAll(async () => {
    // YTH's round leaves voting behind the API's back: its tables are computed at their first read.
    await advanceRound(app.strapi, ythRound.roundId, 'counting');
    await createProposal(app.strapi, genRound.roundId, gen.code, { sourceRecommendationId: 'recommendation-1' });
    const commitment = await app.strapi.db.query('plugin::participation.commitment').create({
      data: { groupDocumentId: 'group', meetingDocumentId: 'meeting', municipalityCode: yth.code, kind: 'commitment', text: 'Ndriçim në rrugën e shkollës', owner: 'Bashkia', status: 'done' },
    });
    await app.strapi.db.query('plugin::participation.commitment-status-change').create({ data: { commitmentDocumentId: commitment.documentId, fromStatus: 'open', toStatus: 'done', changedAt: new Date() } });
  });

  it('gives the figure sheet of two municipalities, people counted from published cells only', async () => {
    const answer = await indicators(`?municipalities=${yth.code},${gen.code}&fromYear=${year}&toYear=${year}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      municipalityCodes: [gen.code, yth.code].sort(),
      fromYear: year,
      toYear: year,
      k: 10,
      // District S's women are hidden: the sum says it misses one cell.
      genderResponsiveRounds: { municipalities: [gen.code], rounds: 1, women: { count: 22, suppressedCells: 1 } },
      youthRounds: { municipalities: [yth.code], rounds: 1, youngPeople: { count: 10, suppressedCells: 0 } },
      personsWithDisabilities: { count: 0, suppressedCells: 1 },
      romaAndEgyptians: { count: 0, suppressedCells: 2 },
      proposalsFromRecommendations: 1,
      commitmentsFulfilled: 1,
      decisionsPublished: 0,
    });
  });

  it('counts nothing outside the years asked for, and gives the same sheet as CSV', async () => {
    const earlier = await indicators(`?municipalities=${gen.code},${yth.code}&fromYear=2001&toYear=2002`);
    expect(earlier.body.data).toMatchObject({ genderResponsiveRounds: { rounds: 0 }, youthRounds: { rounds: 0 }, proposalsFromRecommendations: 0, commitmentsFulfilled: 0 });
    const csv = await app.http().get(`${api}/programme-indicators.csv?municipalities=${gen.code},${yth.code}&fromYear=${year}&toYear=${year}`);
    expect(csv.status).toBe(200);
    const rows: Array<Record<string, string>> = parse(csv.text, { bom: true, columns: true });
    expect(rows.find((row) => row.indicator === 'women_in_gender_responsive_rounds')).toMatchObject({ value: '22', suppressed_cells: '1', rounds: '1' });
    expect(rows.find((row) => row.indicator === 'municipalities_with_youth_round')).toMatchObject({ value: '1', municipalities_counted: yth.code });
  });

  it('names the field when the municipalities or years are wrong', async () => {
    const unknown = await indicators(`?municipalities=${gen.code},NOPE&fromYear=${year}&toYear=${year}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['municipalities']);
    const backwards = await indicators(`?municipalities=${gen.code}&fromYear=${year}&toYear=${year - 1}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.errors[0].path).toEqual(['toYear']);
    for (const query of [`?municipalities=&fromYear=${year}&toYear=${year}`, `?municipalities=${gen.code}&fromYear=year&toYear=${year}`, `?municipalities=${gen.code}`]) {
      const bad = await indicators(query);
      expect(bad.status).toBe(400);
    }
  });
});

describe('on the portal and in the admin overview', () => {
  /** A page's visible text, tags dropped and spaces collapsed: what a reader sees in order. */
  const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

  it.each([
    ['en', 'Who took part', 'Voters in Veri: By gender', 'not published', 'Counts that could single out fewer than 10 people are not published'],
    ['sq', 'Kush mori pjesë', 'Votuesit në Veri: Sipas gjinisë', 'nuk publikohet', 'më pak se 10 persona'],
    ['vi', 'Ai đã tham gia', 'Người bỏ phiếu ở Veri: Theo giới', 'không công bố', 'ít hơn 10 người'],
  ])('the round page in %s shows each district’s participation, small groups as not published, with the CSV', async (lang, heading, caption, suppressed, rule) => {
    const page = await portalClient(app).get(`/${lang}/rounds/${genRound.roundId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain(heading);
    expect(text).toContain(caption);
    expect(text).toContain(suppressed);
    expect(text).toContain(rule);
    // District N's 34 voters are published (24 online, 10 on paper); district S's three are not.
    const statisticsText = text.slice(text.indexOf(heading));
    expect(statisticsText.slice(0, statisticsText.indexOf('Jug'))).toMatch(/ 34 /);
    if (lang === 'en') expect(statisticsText).toMatch(/Online 24 With a facilitator's help 0 On paper 10/);
    expect(page.body).toContain(`${api}/rounds/${genRound.roundId}/participation-statistics.csv`);
    expect(page.body).not.toMatch(/choices|receipt/i);
  });

  it('the round page says nothing of who took part while voting is open', async () => {
    const round = await createVotingRound(app.strapi, gen.code, { kind: 'approval', countingRule: 'greedy_cost' }, { fiscalYear: year });
    const page = await portalClient(app).get(`/en/rounds/${round.roundId}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('Who took part');
  });

  it('the municipality page shows its headline figures, from the programme indicators of that one municipality', async () => {
    const page = await portalClient(app).get(`/en/municipalities/${gen.code}`);
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Headline figures');
    expect(text).toMatch(/Women who took part in them at least 22 \(some groups too small to publish\)/);
    expect(page.body).toContain(`/en/programme-indicators?municipalities=${gen.code}&amp;fromYear=${year}&amp;toYear=${year}`);
  });

  it('the programme indicators page reads the figures for the municipalities and years of its GET form, with the CSV', async () => {
    const browser = portalClient(app);
    const empty = await browser.get('/en/programme-indicators');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('name="municipalities"');
    expect(empty.body).not.toContain('Programme indicators: ');

    const sheet = await browser.get(`/sq/programme-indicators?municipalities=${gen.code},${yth.code}&fromYear=${year}&toYear=${year}`);
    expect(sheet.status).toBe(200);
    const text = textOf(sheet.body);
    expect(text).toContain(`Treguesit e programit: ${[gen.code, yth.code].sort().join(', ')}`);
    expect(text).toMatch(/Bashki me një raund për të rinjtë 1 \(YTH-\d+\)/);
    expect(text).toMatch(/Të rinj që morën pjesë në to 10/);
    expect(sheet.body).toContain(`${api}/programme-indicators.csv?municipalities=${encodeURIComponent([gen.code, yth.code].sort().join(','))}&amp;fromYear=${year}&amp;toYear=${year}`);
  });

  it.each([
    ['an unknown municipality', `municipalities=${'NOPE'}&fromYear=2026&toYear=2026`, 'municipalities', 'Enter the codes of known municipalities'],
    ['a year that is not one', 'municipalities=GEN&fromYear=soon&toYear=2026', 'fromYear', 'Enter a year between 2000 and 2100'],
    ['years running backwards', 'municipalities=GEN&fromYear=2026&toYear=2025', 'toYear', 'not before the first year'],
  ])('the programme indicators page answers %s with a 400, the message beside the field and the values kept', async (_, query, field, message) => {
    const page = await portalClient(app).get(`/en/programme-indicators?${query.replace('GEN', gen.code)}`);
    expect(page.status).toBe(400);
    expect(page.body).toContain(`href="#${field}"`);
    expect(page.body).toContain(message);
    expect(page.body).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${field}"`));
    const sent = new URLSearchParams(query.replace('GEN', gen.code));
    expect(page.body).toContain(`value="${sent.get(field)}"`);
  });

  it('the admin overview shows the round’s voters from the same publication', async () => {
    const admin = await signInAsAdmin(app);
    const overview = await app.http().get(`/participation/municipalities/${gen.code}/overview`).set(admin);
    expect(overview.status).toBe(200);
    const published = (await statistics(genRound.roundId)).body;
    const rounds = overview.body.data.statistics.filter((entry: { kind: string }) => entry.kind === 'round');
    expect(rounds.map((entry: { districtCode: string }) => entry.districtCode)).toEqual(['N', 'S']);
    expect(rounds[0]).toMatchObject({ documentId: genRound.roundId, k: 10, total: 34, breakdowns: district(published, 'N').voters.statistics.breakdowns });
    expect(rounds[1]).toMatchObject({ total: 'suppressed' });
  });
});
