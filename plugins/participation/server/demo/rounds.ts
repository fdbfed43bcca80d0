import type { Core } from '@strapi/strapi';
import { UID } from '../src/constants/uids';
import { roundSettingsSchema } from '../src/domain/rounds/round-settings';
import { minorAmountSchema, proposalInputSchema } from '../src/domain/proposals/proposal-input';
import type { BallotChoices } from '../src/domain/voting/ballot-choices';
import { demographicDeclarationSchema } from '../src/domain/statistics/demographics';
import { decisionBody, implementationBody } from '../src/routes/content-api/validation/decisions';
import { getService } from '../src/utils/get-service';

/**
 * Demo rounds in every phase, in Shkodër and Korçë (#13, Demo): one taking proposals, one voting for
 * each ballot kind the API accepts (the demo citizen may vote in all of them at once), and one with
 * published results whose first selected proposal the council funded and that is being carried out.
 * Everything goes through the plugin's services, with the inputs parsed by the API's own schemas.
 */

interface DemoProposal {
  title: string;
  description: string;
  requestedAmount: string;
  budgetLineCodes: string[];
  targetGroups?: string[];
  genderMarker?: string;
  genderImpactStatement?: string;
  youthMarker?: string;
  location?: string;
  language: 'en';
}

/**
 * How far a round is walked: proposals, voting (with a few paper ballots), published results whose first
 * selected proposal the council funds, or published results and nothing more (`counted`).
 */
type DemoPhase = 'proposals' | 'voting' | 'results' | 'counted';

interface DemoRound {
  phase: DemoPhase;
  settings: Record<string, unknown> & { title: string };
  proposals: DemoProposal[];
  /** Paper ballots a facilitator records, each the indices (in ballot order) of the proposals it lists. */
  paperBallots?: number[][];
  /** Assisted ballots of people who declared their demographics, so that the round's statistics have cells to show and to suppress. */
  declaredVoters?: number;
}

const proposal = (title: string, description: string, requestedAmount: string, budgetLineCodes: string[], extra: Partial<DemoProposal> = {}): DemoProposal => ({
  title,
  description,
  requestedAmount,
  budgetLineCodes,
  // The demo's proposals are written in English; its municipalities' content language is Albanian.
  language: 'en',
  ...extra,
});

const VOTING_SCHEDULE = { proposalsOpen: '2026-09-01', proposalsClose: '2026-10-15', votingOpen: '2026-11-25', votingClose: '2027-01-20' };
const PROPOSALS_SCHEDULE = { proposalsOpen: '2026-11-20', proposalsClose: '2027-02-15', votingOpen: '2027-03-15', votingClose: '2027-03-31' };
const RESULTS_SCHEDULE = { proposalsOpen: '2026-03-01', proposalsClose: '2026-04-15', votingOpen: '2026-06-01', votingClose: '2026-06-21' };

const round = (phase: DemoPhase, title: string, description: string, fields: Record<string, unknown>, proposals: DemoProposal[], paperBallots?: number[][], declaredVoters?: number): DemoRound => ({
  phase,
  settings: {
    fiscalYear: 2026,
    title,
    description,
    // Titles are Albanian and English; the descriptions, which are longer, are English.
    language: 'en',
    schedule: phase === 'proposals' ? PROPOSALS_SCHEDULE : phase === 'voting' ? VOTING_SCHEDULE : RESULTS_SCHEDULE,
    ...fields,
  },
  proposals,
  paperBallots,
  declaredVoters,
});

const GENDER = (statement: string) => ({ genderMarker: 'closes_gender_gaps', genderImpactStatement: statement });

/** Shkodër's voting rounds take residents: the demo citizen has declared Shkodër as home. */
const SHK_VOTERS = { residentsOnly: true };
/** Korçë's take everyone, so that the demo citizen (a Shkodër resident) can try them too. */
const KOR_VOTERS = { residentsOnly: false };

const SHKODER: DemoRound[] = [
  round('proposals', 'Hapësira publike 2027 – Public spaces 2027', 'Ideas for squares, parks and playgrounds in Shkodër, open to every resident until 15 February 2027.', {
    totalBudget: '8000000',
    ballotRules: { kind: 'approval', maxProjects: 3, countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: SHK_VOTERS,
  }, [
    proposal('Benches and shade trees on Rruga Kolë Idromeno', 'Twenty benches and twelve shade trees along the pedestrian street, so older people can rest on the way to the market.', '1800000', ['01330-01'], { targetGroups: ['elderly'], location: 'Rruga Kolë Idromeno' }),
    proposal('A playground for all children in Parku Rozafa', 'Play equipment that children using wheelchairs can use too, with a soft surface and a shaded seating area for parents.', '3200000', ['01330-01'], { targetGroups: ['persons_with_disabilities'], location: 'Parku Rozafa' }),
    proposal('Drinking fountains by the lake promenade', 'Four drinking fountains with a bottle tap along the Buna and lake promenade.', '900000', ['01330-01'], { location: 'Shëtitorja e liqenit' }),
  ]),
  round('voting', 'Buxheti i qytetarëve 2026 – Citizens’ budget 2026 (choose up to 3)', 'Choose up to three projects for the citizens’ fund; the most supported are funded until the 12,000,000 lek are spent.', {
    totalBudget: '12000000',
    ballotRules: { kind: 'approval', maxProjects: 3, countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: SHK_VOTERS,
    showRunningTotals: true,
  }, [
    proposal('Solar lamps on the paths of Parku Rozafa', 'Thirty solar lamps on the darkest paths of Rozafa park, which young women avoid after dark.', '3500000', ['01330-01'], { ...GENDER('Women and girls say they avoid the park after 19:00; lit paths let them use it.'), targetGroups: ['women', 'youth'] }),
    proposal('Repair the Tepe neighbourhood library', 'New roof, heating and 2,000 books for the small library in Tepe, open in the afternoons for pupils.', '4200000', ['01330-01'], { targetGroups: ['youth'] }),
    proposal('Bicycle lane from Sheshi Demokracia to the university', 'A protected 1.6 km bicycle lane linking the centre with the university campus.', '5600000', ['01330-01']),
    proposal('Community garden in Zogaj', 'Raised beds, a tool shed and a water tank for a garden run by the neighbourhood association.', '1200000', ['01330-01'], { targetGroups: ['elderly', 'women'] }),
  ], [[0, 1], [0, 2, 3], [1]]),
  round('voting', 'Ndriçim dhe siguri 2026 – Lighting and safety 2026 (within 6,000,000 lek)', 'Choose any projects whose costs add up to at most 6,000,000 lek, the whole budget of this round.', {
    totalBudget: '6000000',
    ballotRules: { kind: 'approval', maxCost: '6000000', countingRule: 'mes_cost', tieBreaking: 'id' },
    eligibility: SHK_VOTERS,
  }, [
    proposal('Street lights on Rruga Ndre Mjeda', 'LED street lights on the unlit stretch of Rruga Ndre Mjeda, on the way to two schools.', '2400000', ['06400-01'], GENDER('Girls walking to school in winter darkness are most at risk on this stretch.')),
    proposal('Lit bus shelters at the hospital stops', 'Six bus shelters with lights and seats at the regional hospital stops.', '1500000', ['06400-01'], { targetGroups: ['elderly'] }),
    proposal('Kerb ramps at twenty crossings in the centre', 'Lowered kerbs and tactile paving at twenty pedestrian crossings in the city centre.', '2100000', ['04510-01'], { targetGroups: ['persons_with_disabilities', 'elderly'] }),
    proposal('Safe crossing by the Skënderbeg school', 'A raised zebra crossing with flashing lights outside the Skënderbeg school.', '900000', ['04510-01'], { targetGroups: ['youth'] }),
  ], [[0, 2], [1, 2, 3], [0, 3]]),
  round('voting', 'Sport në lagje 2026 – Sport in the neighbourhoods 2026 (10 points)', 'Share 10 points among the projects you want, at most 5 on one project.', {
    totalBudget: '9000000',
    ballotRules: { kind: 'cumulative', totalPoints: 10, maxPointsPerProject: 5, countingRule: 'greedy_points', tieBreaking: 'id' },
    eligibility: SHK_VOTERS,
  }, [
    proposal('Five-a-side pitch in Golem', 'An artificial-turf pitch with fences and lights in the Golem neighbourhood.', '4800000', ['08110-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Outdoor gym by the lake', 'Ten outdoor fitness machines and a running track marking along the lake shore.', '2200000', ['08110-01']),
    proposal('Girls’ volleyball courts at two schools', 'Two volleyball courts and a season of coaching for girls’ teams.', '2600000', ['08110-01'], { ...GENDER('Girls have no sports ground of their own in these neighbourhoods.'), youthMarker: 'principal', targetGroups: ['women', 'youth'] }),
    proposal('Accessible changing rooms at the city pool', 'Changing rooms and a pool hoist for swimmers with disabilities.', '1900000', ['08110-01'], { targetGroups: ['persons_with_disabilities'] }),
  ], [[0, 2], [2, 3, 1], [1]]),
  round('voting', 'Qendrat rinore 2026 – Youth centres 2026 (ranking)', 'Rank up to three projects for the youth centres, your favourite first; rankings are scored by Borda.', {
    totalBudget: '5000000',
    ballotRules: { kind: 'ordinal', maxProjects: 3, countingRule: 'greedy_borda', tieBreaking: 'id' },
    eligibility: SHK_VOTERS,
  }, [
    proposal('Music studio at the Youth Centre', 'A small recording studio and weekly workshops run by young musicians.', '1600000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('After-school homework club in Dobraç', 'Homework help three afternoons a week, with volunteer university students.', '1100000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth', 'roma_and_egyptians'] }),
    proposal('Coding club for girls', 'Weekly coding sessions for girls aged 14 to 18, with laptops to borrow.', '1400000', ['09510-01'], { ...GENDER('Closes the gap in digital skills between girls and boys.'), youthMarker: 'principal', targetGroups: ['women', 'youth'] }),
    proposal('Film nights in summer', 'Open-air film nights in four neighbourhoods, chosen by a youth jury.', '700000', ['09510-01'], { youthMarker: 'significant', targetGroups: ['youth'] }),
  ], [[2, 0, 1], [1, 2], [0, 3, 2]]),
  round('voting', 'Fondi për sipërmarrjen e grave 2026 – Women’s enterprise fund 2026 (choose one)', 'Choose the one programme that the women’s enterprise fund should pay for this year.', {
    totalBudget: '4000000',
    ballotRules: { kind: 'choose-1', countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: SHK_VOTERS,
  }, [
    proposal('Start-up grants for women in the villages', 'Grants of up to 300,000 lek and mentoring for twelve women starting a business in the villages around Shkodër.', '3600000', ['10420-05'], { genderMarker: 'women_and_girls_only', genderImpactStatement: 'Only women apply; rural women rarely get credit.', targetGroups: ['women'] }),
    proposal('Childcare during business training', 'A crèche beside the business training courses, so that mothers of young children can attend.', '1800000', ['10420-05'], { ...GENDER('Mothers of young children cannot attend training without childcare.'), targetGroups: ['women'] }),
    proposal('A market stall hall for women producers', 'Twenty covered stalls at the central market reserved for women producers.', '2900000', ['10420-05'], { genderMarker: 'women_and_girls_only', genderImpactStatement: 'The stalls are reserved for women producers.', targetGroups: ['women'] }),
  ], [[0], [1], [0]]),
  round('results', 'Trotuare për të gjithë 2026 – Pavements for everyone 2026 (results)', 'Residents chose two of four projects for accessible pavements in June 2026; the council funded the first.', {
    totalBudget: '5000000',
    ballotRules: { kind: 'approval', maxProjects: 2, countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: SHK_VOTERS,
  }, [
    proposal('Accessible pavement on Rruga Gjuhadol', 'Wider, level pavement with kerb ramps along Rruga Gjuhadol, from the cathedral to the market.', '2600000', ['04510-01'], { targetGroups: ['persons_with_disabilities', 'elderly'] }),
    proposal('Tactile paths at the bus station', 'Tactile guidance paths from the bus station to the main street for blind and partially sighted people.', '800000', ['04510-01'], { targetGroups: ['persons_with_disabilities'] }),
    proposal('Pavements around the Ajet Xhindoli school', 'New pavements and a fence on the two streets around the school.', '1900000', ['04510-01'], { targetGroups: ['youth'] }),
    proposal('Benches every 200 metres on Bulevardi Skënderbeg', 'Benches at regular distances so older people can walk the boulevard in stages.', '600000', ['04510-01'], { targetGroups: ['elderly'] }),
  ], [[0, 1], [0, 2], [0, 1], [1, 3], [0], [2, 3], [0, 1]]),
  round('counted', 'Të rinjtë vendosin 2026 – Young people decide 2026 (results)', 'People aged 15 to 29 chose two projects for young people in June 2026, most of them at assisted voting desks in schools and youth centres.', {
    totalBudget: '2400000',
    ballotRules: { kind: 'approval', maxProjects: 2, countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: { ...SHK_VOTERS, minAge: 15, maxAge: 29, ageOnDate: '2026-06-01' },
  }, [
    proposal('Study room with Wi-Fi in Parrucë', 'A quiet study room with Wi-Fi and long opening hours in the Parrucë neighbourhood.', '900000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Street football for girls and boys', 'Weekly street football in four neighbourhoods, with mixed teams and a woman coach.', '700000', ['09510-01'], { ...GENDER('Girls stop playing sport at fourteen when there are no mixed or girls’ teams.'), youthMarker: 'principal', targetGroups: ['youth', 'women'] }),
    proposal('Summer jobs desk at the Youth Centre', 'A desk that finds summer jobs and first internships for students.', '1100000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
  ], undefined, 40),
];

const KORCE: DemoRound[] = [
  round('proposals', 'Idetë e të rinjve 2027 – Young people’s ideas 2027', 'The youth council budget of Korçë takes ideas from everyone until 15 February 2027.', {
    totalBudget: '3000000',
    ballotRules: { kind: 'approval', maxProjects: 2, countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: KOR_VOTERS,
  }, [
    proposal('Skate ramps in Parku Rinia', 'Concrete skate ramps and a rail, designed with local skaters.', '1500000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Study room open until midnight in exam season', 'The city library’s reading room open until midnight in June and January, with a guard.', '400000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
  ]),
  round('voting', 'Buxheti i këshillit rinor 2026 – Youth council budget 2026 (choose up to 2)', 'Choose up to two projects for the youth council’s budget; anyone may vote, wherever they live.', {
    totalBudget: '2500000',
    ballotRules: { kind: 'approval', maxProjects: 2, countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: KOR_VOTERS,
    showRunningTotals: true,
  }, [
    proposal('Street basketball tournament', 'A summer tournament in three neighbourhoods with new hoops and nets.', '600000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Youth radio in the Bazaar', 'A small radio studio in the Old Bazaar run by students.', '1300000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Free bus passes for apprentices', 'Bus passes for the first year of apprentices at the vocational school.', '900000', ['09510-01'], { youthMarker: 'significant', targetGroups: ['youth'] }),
  ], [[0, 1], [2], [1, 2]]),
  round('voting', 'Kujdesi në shtëpi 2026 – Care at home 2026 (within 3,000,000 lek)', 'Choose any projects whose costs add up to at most 3,000,000 lek.', {
    totalBudget: '3000000',
    ballotRules: { kind: 'approval', maxCost: '3000000', countingRule: 'mes_cost', tieBreaking: 'id' },
    eligibility: KOR_VOTERS,
  }, [
    proposal('Hot meals delivered to older people living alone', 'A daily hot meal for sixty older people living alone in the city.', '1700000', ['10420-01'], { ...GENDER('Most older people living alone are widowed women.'), targetGroups: ['elderly', 'women'] }),
    proposal('Respite care for family carers', 'Two days a month of home care so family carers, mostly daughters, can rest.', '1200000', ['10420-01'], { ...GENDER('Family carers are mostly women who leave paid work.'), targetGroups: ['women', 'elderly'] }),
    proposal('Home adaptations: grab rails and ramps', 'Grab rails, ramps and shower seats fitted in forty homes.', '900000', ['10420-01'], { targetGroups: ['elderly', 'persons_with_disabilities'] }),
  ], [[0, 1], [1, 2], [0, 2]]),
  round('voting', 'Qendra komunitare 2026 – Community centre 2026 (10 points)', 'Share 10 points among the activities for the community centre.', {
    totalBudget: '3500000',
    ballotRules: { kind: 'cumulative', totalPoints: 10, countingRule: 'greedy_points', tieBreaking: 'id' },
    eligibility: KOR_VOTERS,
  }, [
    proposal('Sign language interpreter at the centre', 'A sign language interpreter at the community centre three days a week.', '1100000', ['10420-02'], { targetGroups: ['persons_with_disabilities'] }),
    proposal('Adapted minibus', 'A minibus with a lift to bring people with reduced mobility to the centre.', '2300000', ['10420-02'], { targetGroups: ['persons_with_disabilities', 'elderly'] }),
    proposal('Art workshops for mixed groups', 'Weekly painting and ceramics workshops for people with and without disabilities.', '500000', ['10420-02'], { targetGroups: ['persons_with_disabilities', 'youth'] }),
  ], [[1, 0], [0, 2], [1]]),
  round('voting', 'Rinia dhe kultura 2026 – Youth and culture 2026 (ranking)', 'Rank up to three cultural projects for young people, your favourite first.', {
    totalBudget: '2000000',
    ballotRules: { kind: 'ordinal', maxProjects: 3, countingRule: 'greedy_borda', tieBreaking: 'id' },
    eligibility: KOR_VOTERS,
  }, [
    proposal('Serenade festival for young singers', 'A stage for young singers of Korçë serenades during the beer festival week.', '700000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Theatre workshop at the Andon Zako Çajupi theatre', 'A year of theatre workshops for secondary school students.', '900000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Photography course and exhibition', 'A photography course ending with an exhibition in the Bazaar.', '500000', ['09510-01'], { youthMarker: 'significant', targetGroups: ['youth'] }),
  ], [[1, 0, 2], [0, 1], [2, 1, 0]]),
  round('voting', 'Fondi i lagjes 2026 – Neighbourhood fund 2026 (choose one)', 'Choose the one project the neighbourhood fund of Korçë should pay for.', {
    totalBudget: '1500000',
    ballotRules: { kind: 'choose-1', countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: KOR_VOTERS,
  }, [
    proposal('Visiting nurse for the Boboshticë road villages', 'A nurse visiting older people in the villages along the Boboshticë road twice a week.', '1200000', ['10420-01'], { targetGroups: ['elderly'] }),
    proposal('Day trips for residents of the care home', 'Monthly day trips for residents of the care home, with an accessible bus.', '500000', ['10420-02'], { targetGroups: ['elderly', 'persons_with_disabilities'] }),
  ], [[0], [1], [0]]),
  round('results', 'Këshilli rinor 2026: pranvera – Youth council 2026: spring (results)', 'Young people of Korçë chose two projects in June 2026; the council funded the first.', {
    totalBudget: '1800000',
    ballotRules: { kind: 'approval', maxProjects: 2, countingRule: 'greedy_cost', tieBreaking: 'id' },
    eligibility: KOR_VOTERS,
  }, [
    proposal('Repair the basketball court in Parku Rinia', 'New surface, hoops and lights for the basketball court in the youth park.', '1000000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
    proposal('Wi-Fi in the Old Bazaar', 'Free Wi-Fi in the Old Bazaar for students and visitors.', '500000', ['09510-01'], { youthMarker: 'significant' }),
    proposal('Climbing wall at the sports hall', 'An indoor climbing wall with a trained instructor on weekends.', '1400000', ['09510-01'], { youthMarker: 'principal', targetGroups: ['youth'] }),
  ], [[0, 1], [0], [0, 2], [1], [0, 1]]),
];

const DEMO_ROUNDS: Record<string, DemoRound[]> = { SHK: SHKODER, KOR: KORCE };

/** What the council decided for the funded proposal, and how far its implementation has come. */
const FUNDING = {
  SHK: { reference: 'VKB nr. 118, 2026-07-09', decisionDate: '2026-07-09', spentShare: 0.4, progressPercent: 45 },
  KOR: { reference: 'VKB nr. 86, 2026-07-02', decisionDate: '2026-07-02', spentShare: 0.25, progressPercent: 30 },
} as const;

const MILESTONES = [
  { title: 'Projekti u miratua me banorët', dueDate: '2026-08-15', doneDate: '2026-08-12', status: 'done' },
  { title: 'Punimet u kontraktuan', dueDate: '2026-10-01', doneDate: '2026-09-28', status: 'done' },
  { title: 'Punimet në vazhdim', dueDate: '2027-03-31', status: 'in_progress' },
  { title: 'Dorëzimi dhe hapja', dueDate: '2027-05-15', status: 'planned' },
];

/** The choices of a paper ballot listing the proposals at `indices`, in the shape of the round's ballot kind. */
const choicesOf = (kind: string, ids: string[], indices: number[]): BallotChoices => {
  const listed = indices.map((index) => ids[index]);
  if (kind === 'ordinal') return { ranking: listed };
  // Cumulative ballots give 4, 3 and 3 of their 10 points, or 5 and 5, or the 5 allowed on one.
  if (kind === 'cumulative') return { points: Object.fromEntries(listed.map((id, k) => [id, listed.length === 3 ? [4, 3, 3][k] : 5])) };
  return { projects: listed };
};

const NO_DIFFICULTY = { seeing: 'no-difficulty', hearing: 'no-difficulty', walking: 'no-difficulty', remembering: 'no-difficulty', selfCare: 'no-difficulty', communicating: 'no-difficulty' } as const;

/**
 * The assisted ballot of the `voter`th young person of a youth round, with what they declared. Of every
 * eight, four are women and two men, one preferred not to say and one declared nothing: of 40, the small
 * groups (5 Roma, 4 with a disability) hide among the ten who said nothing of themselves, a hidden sum of
 * at least k = 10, so that the large groups (20 women, 10 men, 10 under 18) stay published while the
 * small ones are suppressed.
 */
const declaredVoterBallot = (offlineReference: string, municipalityCode: string, voter: number, ids: string[]) => {
  const birthYear = voter % 4 === 0 ? 2010 : 1998 + (voter % 8);
  const declaration =
    voter % 8 === 7
      ? { consent: true }
      : voter % 8 === 6
        ? { gender: 'prefer-not-to-say', ageBand: 'prefer-not-to-say', washingtonGroup: 'prefer-not-to-say', minorityGroup: 'prefer-not-to-say', consent: true }
        : {
            gender: voter % 8 < 4 ? 'woman' : 'man',
            birthYear,
            washingtonGroup: voter % 11 === 2 ? { ...NO_DIFFICULTY, walking: 'a-lot-of-difficulty' } : NO_DIFFICULTY,
            minorityGroup: voter % 8 === 1 ? 'roma' : 'none',
            consent: true,
          };
  return {
    channel: voter % 3 === 0 ? ('paper' as const) : ('assisted' as const),
    participant: { offlineReference, residenceMunicipalityCode: municipalityCode, birthDate: `${birthYear}-03-15`, demographics: demographicDeclarationSchema.parse(declaration) },
    consent: { given: true as const, method: 'signed-form' as const },
    choices: { projects: [ids[voter % ids.length], ids[(voter + 1 + (voter % 2)) % ids.length]] },
  };
};

export interface DemoPeople {
  citizen: number;
  facilitator: number;
  /** Staff of each municipality, by its code: they move its rounds and review its proposals. */
  staff: Record<string, number>;
}

/** The demo rounds of one municipality, each created once (a round of the same title is left as it is). */
export const seedRounds = async (strapi: Core.Strapi, municipalityCode: string, people: DemoPeople) => {
  const rounds = getService(strapi, 'round');
  const proposals = getService(strapi, 'proposal');
  const staff = people.staff[municipalityCode];
  for (const [position, demo] of DEMO_ROUNDS[municipalityCode].entries()) {
    if ((await strapi.documents(UID.round).count({ filters: { municipalityCode, title: demo.settings.title } })) > 0) continue;
    const settings = roundSettingsSchema.parse(demo.settings);
    const { documentId } = await rounds.create(municipalityCode, settings);
    await rounds.transition(municipalityCode, documentId, 'open-proposals', staff);
    const ids: string[] = [];
    for (const [index, input] of demo.proposals.entries()) {
      // The citizen wrote the first proposal of the round taking proposals (theirs to edit or withdraw);
      // a facilitator wrote the rest, for the groups they work with.
      const author = demo.phase === 'proposals' && index === 0 ? people.citizen : people.facilitator;
      ids.push((await proposals.create(documentId, author, proposalInputSchema.parse(input))).documentId);
    }
    if (demo.phase === 'proposals') continue;

    await rounds.transition(municipalityCode, documentId, 'start-review', staff);
    for (const [index, id] of ids.entries()) {
      await proposals.review(municipalityCode, id, { action: 'mark-feasible', costEstimate: minorAmountSchema.parse(demo.proposals[index].requestedAmount) }, staff);
    }
    await rounds.transition(municipalityCode, documentId, 'open-voting', staff);
    for (const [ballot, indices] of (demo.paperBallots ?? []).entries()) {
      await getService(strapi, 'ballot').castAssisted(municipalityCode, documentId, people.facilitator, {
        channel: 'paper',
        participant: { offlineReference: `Demo ${municipalityCode}-${position}-${ballot}`, residenceMunicipalityCode: municipalityCode, birthDate: '1988-06-01' },
        consent: { given: true, method: 'signed-form' },
        choices: choicesOf(settings.ballotRules.kind, ids, indices),
      });
    }
    for (let voter = 0; voter < (demo.declaredVoters ?? 0); voter += 1) {
      await getService(strapi, 'ballot').castAssisted(municipalityCode, documentId, people.facilitator, declaredVoterBallot(`Demo ${municipalityCode}-${position}-declared-${voter}`, municipalityCode, voter, ids));
    }
    if (demo.phase === 'voting') continue;

    await rounds.transition(municipalityCode, documentId, 'close-voting', staff);
    const result = await getService(strapi, 'round-count').count(municipalityCode, documentId);
    await rounds.transition(municipalityCode, documentId, 'publish-results', staff);
    if (demo.phase === 'counted') continue;
    const fundedId = result.districts[0].selected[0];
    await fundSelected(strapi, municipalityCode, fundedId, demo.proposals[ids.indexOf(fundedId)], staff);
  }
};

/** The council funds a selected proposal at its cost (the decision log), and its implementation is under way. */
const fundSelected = async (strapi: Core.Strapi, municipalityCode: string, proposalId: string, funded: DemoProposal, staff: number) => {
  const funding = FUNDING[municipalityCode as keyof typeof FUNDING];
  const [budgetLineCode] = funded.budgetLineCodes;
  const { data: decision } = decisionBody.parse({
    data: {
      kind: 'fund',
      subject: { kind: 'proposal', documentId: proposalId },
      amount: funded.requestedAmount,
      budgetLine: { code: budgetLineCode, fiscalYear: 2026 },
      councilDecisionReference: funding.reference,
      decisionDate: funding.decisionDate,
      rationale: `Këshilli financon „${funded.title}“, të zgjedhur nga banorët në buxhetin pjesëmarrës, nga zëri buxhetor ${budgetLineCode}.`,
    },
  });
  await getService(strapi, 'decision-log').publish(municipalityCode, decision, staff);
  const { data: progress } = implementationBody.parse({
    data: { progressPercent: funding.progressPercent, spent: String(Math.round(Number(funded.requestedAmount) * funding.spentShare)), milestones: MILESTONES },
  });
  await getService(strapi, 'implementation').update(municipalityCode, proposalId, progress, staff);
};
