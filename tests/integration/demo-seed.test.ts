import { bootApp, type TestApp } from '../harness/app';
import { portalClient } from '../harness/portal-client';
import { demoSeed } from '../../plugins/participation/server/demo/seed';

/**
 * The demo's rounds (#13, Demo): in both municipalities a round taking proposals, one voting for each
 * ballot kind, and one with published results, a funding decision and an implementation under way;
 * seeding again changes nothing, and the printed citizen login can vote in every voting round.
 */
let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
  await demoSeed(app.strapi).seed();
  // Some hundred ballots and a boot: more than the default hook time on a busy machine.
}, 300_000);
afterAll(() => app?.close());

const API = '/api/participation';

/** What the demo wrote, row by row, as far as seeding could change it. */
const seededRows = async () => {
  const knex = app.strapi.db.connection;
  return {
    users: await knex('up_users').orderBy('id').select('id', 'email'),
    rounds: await knex('participation_rounds').orderBy('id').select('document_id', 'municipality_code', 'title', 'phase', 'result'),
    proposals: await knex('participation_proposals').orderBy('id').select('document_id', 'round_document_id', 'title', 'proposal_status', 'ballot_number'),
    ballots: await knex('participation_ballots').orderBy('id').select('round_document_id', 'receipt_code'),
    participations: await knex('participation_round_participations').orderBy('id').select('round_document_id', 'participant_key'),
    decisions: await knex('participation_decision_log_entries').orderBy('id').select('municipality_code', 'sequence', 'entry_hash'),
    implementations: await knex('participation_project_implementations').orderBy('id').select('proposal_document_id', 'progress_percent', 'spent_minor'),
  };
};

describe('the demo seed', () => {
  it('gives each municipality a round in every phase a citizen meets, a funding decision and an implementation under way', async () => {
    // Shkodër has a second counted round: the youth round whose statistics the reports show.
    for (const [municipality, counted] of [['SHK', 2], ['KOR', 1]] as const) {
      const rounds = (await app.http().get(`${API}/rounds?municipality=${municipality}&pageSize=100`)).body.data as Array<{ phase: string; ballotRules: { kind: string; maxCost?: string } }>;
      expect(rounds.filter((round) => round.phase === 'proposals')).toHaveLength(1);
      expect(rounds.filter((round) => round.phase === 'results')).toHaveLength(counted);
      const voting = rounds.filter((round) => round.phase === 'voting').map(({ ballotRules }) => (ballotRules.maxCost ? 'knapsack' : ballotRules.kind));
      expect(voting.sort()).toEqual(['approval', 'choose-1', 'cumulative', 'knapsack', 'ordinal']);

      const decisions = (await app.http().get(`${API}/municipalities/${municipality}/decisions`)).body.data as Array<{ decisionKind: string; subjectKind: string; subjectRef: string }>;
      const funding = decisions.find((decision) => decision.decisionKind === 'fund' && decision.subjectKind === 'proposal');
      expect(funding).toBeDefined();
      const proposal = (await app.http().get(`${API}/proposals/${funding!.subjectRef}`)).body.data;
      expect(proposal.status).toBe('selected');
      // Reviewed at the cost asked for: the same amount in the same unit, so results spend what was asked.
      expect(proposal.costEstimate).toBe(proposal.requestedAmount);
      const implementation = (await app.http().get(`${API}/proposals/${proposal.documentId}/implementation`)).body.data;
      expect(implementation.progressPercent).toBeGreaterThan(0);
      expect(Number(implementation.spent)).toBeGreaterThan(0);
      expect(implementation.milestones.map((milestone: { status: string }) => milestone.status)).toEqual(expect.arrayContaining(['done', 'in_progress']));
    }
  });

  it('gives Shkodër a counted youth round whose statistics publish the large groups and suppress the small ones', async () => {
    const rounds = (await app.http().get(`${API}/rounds?municipality=SHK&phase=results&pageSize=100`)).body.data as Array<{ documentId: string; eligibility: { maxAge?: number } }>;
    const youth = rounds.find((round) => round.eligibility.maxAge !== undefined);
    expect(youth).toBeDefined();
    const statistics = (await app.http().get(`${API}/rounds/${youth!.documentId}/participation-statistics`)).body.data;
    const voters = statistics.districts[0].voters;
    expect(voters.statistics.total).toBe(40);
    expect(voters.statistics.breakdowns.gender).toMatchObject({ woman: 20, man: 10, 'prefer-not-to-say': 'suppressed' });
    expect(voters.statistics.breakdowns.disability.yes).toBe('suppressed');
    expect(voters.statistics.breakdowns.minorityGroup.roma).toBe('suppressed');
    expect(voters.byChannel).toMatchObject({ paper: 14, assisted: 26 });
  });

  it('shows every demo round, and its proposals, on the portal', async () => {
    const browser = portalClient(app);
    const notShown: Array<{ page: string; status: number }> = [];
    for (const municipality of ['SHK', 'KOR']) {
      const rounds = (await app.http().get(`${API}/rounds?municipality=${municipality}&pageSize=100`)).body.data as Array<{ documentId: string }>;
      const pages = [`/en/municipalities/${municipality}`, ...rounds.flatMap(({ documentId }) => [`/en/rounds/${documentId}`, `/en/rounds/${documentId}/proposals`])];
      for (const page of pages) {
        const { status } = await browser.get(page);
        if (status !== 200) notShown.push({ page, status });
      }
    }
    expect(notShown).toEqual([]);
  });

  it('leaves every row as it was when seeded again', async () => {
    const before = await seededRows();
    await demoSeed(app.strapi).seed();
    expect(await seededRows()).toEqual(before);
  });

  it('lets the printed citizen login vote in every voting round at once', async () => {
    const signIn = await app.http().post('/api/auth/local').send({ identifier: 'citizen@demo.local', password: 'Demo-Citizen-2026' });
    expect(signIn.status).toBe(200);
    const auth = { Authorization: `Bearer ${signIn.body.jwt}` };
    let voted = 0;
    for (const municipality of ['SHK', 'KOR']) {
      const rounds = (await app.http().get(`${API}/rounds?municipality=${municipality}&phase=voting&pageSize=100`)).body.data as Array<{ documentId: string; ballotRules: { kind: string } }>;
      for (const { documentId, ballotRules } of rounds) {
        const [first] = (await app.http().get(`${API}/rounds/${documentId}/proposals?status=on_ballot`)).body.data as Array<{ documentId: string }>;
        const choices =
          ballotRules.kind === 'ordinal' ? { ranking: [first.documentId] }
          : ballotRules.kind === 'cumulative' ? { points: { [first.documentId]: 1 } }
          : { projects: [first.documentId] };
        const cast = await app.http().post(`${API}/rounds/${documentId}/ballot`).set(auth).send({ choices });
        expect({ round: documentId, status: cast.status }).toEqual({ round: documentId, status: 201 });
        voted += 1;
      }
    }
    expect(voted).toBe(10);
  });
});
