import type { Core } from '@strapi/strapi';
import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { advanceRound, createProposal, createRound } from '../harness/fixtures';
import { ACCESS_RULES, type ContentApiAction } from '../../plugins/participation/server/src/domain/access/rules';

/**
 * role × own/other municipality × route → allowed or refused. Written out by hand, not derived from
 * the rules table, so a change to the rules that is not also made here fails. Every later capability
 * adds its routes to ROUTES, EXPECTED and SUCCESS. Nobody signed in gets 401 on every route that needs
 * a sign-in; a 403 says which rule refused (the roles that may, or the municipality). An allowed
 * request is a valid one, made against what the route needs (a round in the right phase, a funded
 * proposal, a closed consultation), and gets the route's own success status.
 */
type Who = 'anonymous' | 'citizen' | 'municipal-staff' | 'moderator' | 'cso-facilitator';
type Outcome = 'allowed' | 401 | 403;
type Expectation = Record<Who, Outcome> | { own: Record<Who, Outcome>; other: Record<Who, Outcome> };

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  citizen: outcome,
  'municipal-staff': outcome,
  moderator: outcome,
  'cso-facilitator': outcome,
});
const signedIn: Record<Who, Outcome> = { ...everyone('allowed'), anonymous: 401 };
const onlyInOwn = (...roles: Who[]): Expectation => ({
  own: { ...everyone(403), anonymous: 401, ...Object.fromEntries(roles.map((role) => [role, 'allowed'])) },
  other: { ...everyone(403), anonymous: 401 },
});
const staffOnlyInOwn: Expectation = {
  own: { anonymous: 401, citizen: 403, 'municipal-staff': 'allowed', moderator: 403, 'cso-facilitator': 403 },
  other: { anonymous: 401, citizen: 403, 'municipal-staff': 403, moderator: 403, 'cso-facilitator': 403 },
};

const EXPECTED: Record<ContentApiAction, Expectation> = {
  'municipality.find': everyone('allowed'),
  'municipality.findOne': everyone('allowed'),
  'budget-line.find': everyone('allowed'),
  'budget-line.findOne': everyone('allowed'),
  'budget-line.create': staffOnlyInOwn,
  'budget-line.update': staffOnlyInOwn,
  'budget-line.delete': staffOnlyInOwn,
  'budget-line.import': staffOnlyInOwn,
  'me.find': signedIn,
  'me.updateProfile': signedIn,
  'participant.verify': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'round.find': everyone('allowed'),
  'round.findOne': everyone('allowed'),
  'round.exportBallots': everyone('allowed'),
  'round.create': staffOnlyInOwn,
  'round.update': staffOnlyInOwn,
  'round.transition': staffOnlyInOwn,
  'round.count': staffOnlyInOwn,
  'proposal.find': everyone('allowed'),
  'proposal.findOne': everyone('allowed'),
  'proposal.create': signedIn,
  'proposal.update': signedIn,
  'proposal.withdraw': signedIn,
  'proposal.review': staffOnlyInOwn,
  'ballot.cast': signedIn,
  'ballot.castAssisted': onlyInOwn('cso-facilitator'),
  'ballot.verifyReceipt': everyone('allowed'),
  'ballot.participation': staffOnlyInOwn,
  'realtime.eventsAfter': everyone('allowed'),
  'decision.find': everyone('allowed'),
  'decision.findOne': everyone('allowed'),
  'decision.verifyLog': everyone('allowed'),
  'decision.exportLog': everyone('allowed'),
  'decision.checkpoint': everyone('allowed'),
  'decision.signingKey': everyone('allowed'),
  'decision.publish': staffOnlyInOwn,
  'implementation.findOne': everyone('allowed'),
  'implementation.budgetLineSpending': everyone('allowed'),
  'implementation.update': staffOnlyInOwn,
  'forum.find': everyone('allowed'),
  'forum.findOne': everyone('allowed'),
  'forum.create': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'forum.findThreads': everyone('allowed'),
  'forum.findThread': everyone('allowed'),
  'forum.createThread': signedIn,
  'forum.findPosts': everyone('allowed'),
  'forum.createPost': signedIn,
  'forum.react': signedIn,
  'forum.unreact': signedIn,
  'forum.follow': signedIn,
  'forum.unfollow': signedIn,
  'moderation.report': signedIn,
  'moderation.summary': everyone('allowed'),
  'moderation.queue': onlyInOwn('moderator'),
  'moderation.moderatePost': onlyInOwn('moderator'),
  'moderation.moderateThread': onlyInOwn('moderator'),
  'moderation.suspend': onlyInOwn('moderator'),
  'moderation.liftSuspension': onlyInOwn('moderator'),
  'statistics.forum': everyone('allowed'),
  'statistics.meeting': everyone('allowed'),
  'statistics.consultation': everyone('allowed'),
  'dialogue-group.find': everyone('allowed'),
  'dialogue-group.findOne': everyone('allowed'),
  'dialogue-group.create': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'dialogue-group.update': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'dialogue-group.addMember': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'dialogue-group.removeMember': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'dialogue-group.findCommitments': everyone('allowed'),
  'dialogue-group.updateCommitment': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'dialogue-group.recommendationToProposal': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'meeting.find': everyone('allowed'),
  'meeting.findOne': everyone('allowed'),
  'meeting.create': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'meeting.update': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'meeting.register': signedIn,
  'meeting.unregister': signedIn,
  'meeting.findRegistrations': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'meeting.recordAttendance': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'meeting.publishMinutes': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'consultation.find': everyone('allowed'),
  'consultation.findOne': everyone('allowed'),
  'consultation.create': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'consultation.update': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'consultation.transition': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'consultation.submitOnline': signedIn,
  'consultation.submitOffline': onlyInOwn('cso-facilitator'),
  'consultation.findInputs': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'consultation.publishSummary': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'me.declareDemographics': signedIn,
  'me.withdrawDemographics': signedIn,
  'openapi.document': everyone('allowed'),
  'openapi.page': everyone('allowed'),
  'open-data.moneyByMarker': everyone('allowed'),
  'open-data.moneyByMarkerCsv': everyone('allowed'),
  'open-data.roundParticipation': everyone('allowed'),
  'open-data.roundParticipationCsv': everyone('allowed'),
  'open-data.programmeIndicators': everyone('allowed'),
  'open-data.programmeIndicatorsCsv': everyone('allowed'),
  'open-data.budgetLinesCsv': everyone('allowed'),
  'open-data.budgetLinesJson': everyone('allowed'),
  'open-data.proposalsCsv': everyone('allowed'),
  'open-data.proposalsJson': everyone('allowed'),
  'open-data.decisionsCsv': everyone('allowed'),
  'open-data.decisionsJson': everyone('allowed'),
  'open-data.roundResultsCsv': everyone('allowed'),
  'open-data.roundResultsJson': everyone('allowed'),
  'open-data.implementationCsv': everyone('allowed'),
  'open-data.implementationJson': everyone('allowed'),
  'open-data.consultationSummariesCsv': everyone('allowed'),
  'open-data.consultationSummariesJson': everyone('allowed'),
  'open-data.commitmentsCsv': everyone('allowed'),
  'open-data.commitmentsJson': everyone('allowed'),
};

/** What an allowed request gets: the route's success status. */
const SUCCESS: Record<ContentApiAction, 200 | 201 | 202 | 204> = {
  'municipality.find': 200,
  'municipality.findOne': 200,
  'budget-line.find': 200,
  'budget-line.findOne': 200,
  'budget-line.create': 201,
  'budget-line.update': 200,
  'budget-line.delete': 204,
  'budget-line.import': 200,
  'me.find': 200,
  'me.updateProfile': 200,
  'participant.verify': 204,
  'round.find': 200,
  'round.findOne': 200,
  'round.exportBallots': 200,
  'round.create': 201,
  'round.update': 200,
  'round.transition': 200,
  'round.count': 200,
  'proposal.find': 200,
  'proposal.findOne': 200,
  'proposal.create': 201,
  'proposal.update': 200,
  'proposal.withdraw': 200,
  'proposal.review': 200,
  'ballot.cast': 201,
  'ballot.castAssisted': 202,
  'ballot.verifyReceipt': 200,
  'ballot.participation': 200,
  'realtime.eventsAfter': 200,
  'decision.find': 200,
  'decision.findOne': 200,
  'decision.verifyLog': 200,
  'decision.exportLog': 200,
  'decision.checkpoint': 200,
  'decision.signingKey': 200,
  'decision.publish': 201,
  'implementation.findOne': 200,
  'implementation.budgetLineSpending': 200,
  'implementation.update': 200,
  'forum.find': 200,
  'forum.findOne': 200,
  'forum.create': 201,
  'forum.findThreads': 200,
  'forum.findThread': 200,
  'forum.createThread': 201,
  'forum.findPosts': 200,
  'forum.createPost': 201,
  'forum.react': 200,
  'forum.unreact': 200,
  'forum.follow': 200,
  'forum.unfollow': 200,
  'moderation.report': 201,
  'moderation.summary': 200,
  'moderation.queue': 200,
  'moderation.moderatePost': 200,
  'moderation.moderateThread': 200,
  'moderation.suspend': 201,
  'moderation.liftSuspension': 200,
  'statistics.forum': 200,
  'statistics.meeting': 200,
  'statistics.consultation': 200,
  'dialogue-group.find': 200,
  'dialogue-group.findOne': 200,
  'dialogue-group.create': 201,
  'dialogue-group.update': 200,
  'dialogue-group.addMember': 201,
  'dialogue-group.removeMember': 200,
  'dialogue-group.findCommitments': 200,
  'dialogue-group.updateCommitment': 200,
  'dialogue-group.recommendationToProposal': 201,
  'meeting.find': 200,
  'meeting.findOne': 200,
  'meeting.create': 201,
  'meeting.update': 200,
  'meeting.register': 200,
  'meeting.unregister': 200,
  'meeting.findRegistrations': 200,
  'meeting.recordAttendance': 200,
  'meeting.publishMinutes': 201,
  'consultation.find': 200,
  'consultation.findOne': 200,
  'consultation.create': 201,
  'consultation.update': 200,
  'consultation.transition': 200,
  'consultation.submitOnline': 201,
  'consultation.submitOffline': 201,
  'consultation.findInputs': 200,
  'consultation.publishSummary': 201,
  'me.declareDemographics': 200,
  'me.withdrawDemographics': 200,
  'openapi.document': 200,
  'openapi.page': 200,
  'open-data.moneyByMarker': 200,
  'open-data.moneyByMarkerCsv': 200,
  'open-data.roundParticipation': 200,
  'open-data.roundParticipationCsv': 200,
  'open-data.programmeIndicators': 200,
  'open-data.programmeIndicatorsCsv': 200,
  'open-data.budgetLinesCsv': 200,
  'open-data.budgetLinesJson': 200,
  'open-data.proposalsCsv': 200,
  'open-data.proposalsJson': 200,
  'open-data.decisionsCsv': 200,
  'open-data.decisionsJson': 200,
  'open-data.roundResultsCsv': 200,
  'open-data.roundResultsJson': 200,
  'open-data.implementationCsv': 200,
  'open-data.implementationJson': 200,
  'open-data.consultationSummariesCsv': 200,
  'open-data.consultationSummariesJson': 200,
  'open-data.commitmentsCsv': 200,
  'open-data.commitmentsJson': 200,
};

let app: TestApp;
const people: Partial<Record<Who, TestPerson>> = {};
const lineIn: Record<string, string> = {};
const roundIn: Record<string, string> = {};
const forumIn: Record<string, string> = {};
const threadIn: Record<string, string> = {};
const groupIn: Record<string, string> = {};
const meetingIn: Record<string, string> = {};
const consultationIn: Record<string, string> = {};
/** Staff of each municipality, who set up what the requests need there (decisions, a funded proposal). */
const staffOf: Record<string, TestPerson> = {};
let counter = 0;

const participation = () => app.strapi.plugin('participation');
/** The forum author of the fixtures' threads and posts: not one of the callers, who may report and react to them. */
let fixtureAuthor: TestPerson;
const fixturePoster = () => ({ id: fixtureAuthor.id, username: fixtureAuthor.username, address: `fixture-${++counter}` });
/** A post of its own for a request that reacts to it, reports or moderates it. */
const createPost = async (m: string) =>
  (await participation().service('forum').createPost(threadIn[m], { body: `<p>Fixture post ${++counter}</p>` }, fixturePoster())).documentId as string;
/** A citizen for a moderator to suspend, or one suspended already. */
const createMember = async () => createPerson(app.strapi, 'citizen');
const createSuspendedMember = async (m: string) => {
  const member = await createMember();
  await participation().service('moderation').suspend(m, forumIn[m], { userId: member.id, days: 1, reason: 'spam' }, 0);
  return member;
};
const createGroupMember = async (m: string) => {
  const group = await participation().service('dialogue-group').addMember(m, groupIn[m], { memberKind: 'organisation', displayName: `Member ${++counter}`, stakeholderType: 'cso', role: 'member' });
  return group.members[group.members.length - 1].documentId as string;
};
const createRecommendation = async (m: string) =>
  (await app.strapi.db.query('plugin::participation.commitment').create({
    data: { groupDocumentId: groupIn[m], meetingDocumentId: meetingIn[m], municipalityCode: m, kind: 'recommendation', text: 'Matrix recommendation', owner: 'Matrix', status: 'open' },
  })).documentId as string;
const createDraftConsultation = async (m: string) =>
  (await participation().service('consultation').create(m, { topic: 'Matrix', questions: [{ id: 'q', text: 'Q?' }], targetGroups: [], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' }, 0)).documentId as string;
const createMeeting = async (m: string) =>
  (await participation().service('meeting').create(m, { groupDocumentId: groupIn[m], title: 'Matrix meeting', startsAt: '2026-05-01T10:00:00Z', place: 'Hall', accessibility: [], status: 'scheduled' }, 0)).documentId as string;
const MEETING_BODY = (m: string) => ({ data: { groupDocumentId: groupIn[m], title: 'Matrix meeting', startsAt: '2026-05-01T10:00:00Z', place: 'Hall' } });
const CONSULTATION_BODY = { data: { topic: 'Matrix', questions: [{ id: 'q', text: 'Q?' }], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' } };

/** A meeting whose minutes are out, and so its statistics. */
const createHeldMeeting = async (m: string) => {
  const meeting = await createMeeting(m);
  await participation().service('meeting').publishMinutes(m, meeting, { minutes: '<p>Minutes</p>', commitments: [] });
  return meeting;
};
/** A consultation that took input and closed: its summary may be published. */
const createClosedConsultation = async (m: string) => {
  const consultation = await createDraftConsultation(m);
  await participation().service('consultation').transition(m, consultation, 'open');
  await participation().service('consultation').transition(m, consultation, 'close');
  return consultation;
};
const createSummarisedConsultation = async (m: string) => {
  const consultation = await createClosedConsultation(m);
  await participation().service('consultation').publishSummary(m, consultation, { themes: [{ title: 'T', description: 'D' }], proposalDocumentIds: [], commitmentDocumentIds: [] });
  return consultation;
};

const lineBody = () => ({ data: { fiscalYear: 2026, code: `M-${++counter}`, name: 'Matrix line', approved: '10.00' } });

const createLine = async (municipalityCode: string) => {
  const line = await app.strapi.plugin('participation').service('budget-line').create(municipalityCode, {
    fiscalYear: 2026, code: `FIX-${++counter}`, name: 'Fixture', programme: null, functionalClassification: null,
    approvedMinor: '100', revisedMinor: '100', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
  });
  return line.documentId as string;
};

const ROUND_SETTINGS = {
  fiscalYear: 2026,
  title: 'Matrix round',
  totalBudget: '1000',
  ballotRules: { kind: 'approval', countingRule: 'greedy_cost' },
  eligibility: { residentsOnly: false },
};

/** A proposal authored by the caller, so that author-only actions are allowed to them. */
const createProposalBy = (municipalityCode: string, who: Who, roundId = roundIn[municipalityCode], fields: Record<string, unknown> = {}) =>
  createProposal(app.strapi, roundId, municipalityCode, { authorId: people[who]?.id ?? 0, ...fields });
/** A round of its own in `phase`, with one proposal on its ballot (put there before voting opened). */
const createRoundWithBallot = async (m: string, phase: 'voting' | 'counting' | 'results') => {
  const roundId = await createRound(app.strapi, m);
  const proposalId = await createProposal(app.strapi, roundId, m, { proposalStatus: 'on_ballot', ballotNumber: 1, costEstimateMinor: '100' });
  await advanceRound(app.strapi, roundId, phase);
  return { roundId, proposalId };
};
const publishDecision = async (m: string, data: object) => {
  const published = await app.http().post(`/api/participation/municipalities/${m}/decisions`).set(staffOf[m].auth).send({ data });
  if (published.status !== 201) throw new Error(`the fixture decision answered ${published.status}: ${JSON.stringify(published.body)}`);
};
/** A selected proposal the council funded from the FIX line: its implementation may be recorded. */
const createFundedProposal = async (m: string, who: Who) => {
  const proposal = await createProposalBy(m, who, roundIn[m], { proposalStatus: 'selected' });
  await publishDecision(m, {
    kind: 'fund', subject: { kind: 'proposal', documentId: proposal }, amount: '1', budgetLine: { code: 'FIX', fiscalYear: 2026 },
    councilDecisionReference: 'VKB nr. 2', decisionDate: '2026-03-01', rationale: 'Matrix funding.',
  });
  return proposal;
};

/**
 * One valid request per action, against a municipality, made as `who`. A request that changes what it
 * acts on gets a resource of its own from the fixtures (a round in the phase the route needs, a post to
 * report, a member to suspend), so that every case stands alone and an allowed one gets SUCCESS.
 */
const ROUTES: Record<ContentApiAction, (m: string, who: Who) => Promise<{ method: 'get' | 'post' | 'put' | 'delete'; path: string; body?: object }>> = {
  'municipality.find': async () => ({ method: 'get', path: '/api/participation/municipalities' }),
  'municipality.findOne': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}` }),
  'budget-line.find': async (m) => ({ method: 'get', path: `/api/participation/budget-lines?municipality=${m}` }),
  'budget-line.findOne': async (m) => ({ method: 'get', path: `/api/participation/budget-lines/${lineIn[m]}` }),
  'budget-line.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/budget-lines`, body: lineBody() }),
  'budget-line.update': async (m) => ({ method: 'put', path: `/api/participation/municipalities/${m}/budget-lines/${await createLine(m)}`, body: lineBody() }),
  'budget-line.delete': async (m) => ({ method: 'delete', path: `/api/participation/municipalities/${m}/budget-lines/${await createLine(m)}` }),
  'budget-line.import': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/budget-lines/import?dryRun=true`,
    body: { csv: 'fiscal_year,code,name,approved\n2026,X1,Imported,5.00\n' },
  }),
  'me.find': async () => ({ method: 'get', path: '/api/participation/me' }),
  'me.updateProfile': async () => ({ method: 'put', path: '/api/participation/me/profile', body: { data: { residenceMunicipalityCode: null, birthDate: '2000-01-01' } } }),
  'participant.verify': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/participants/${people.citizen!.id}/verification` }),
  'round.find': async (m) => ({ method: 'get', path: `/api/participation/rounds?municipality=${m}` }),
  'round.findOne': async (m) => ({ method: 'get', path: `/api/participation/rounds/${roundIn[m]}` }),
  'round.exportBallots': async (m) => ({ method: 'get', path: `/api/participation/rounds/${(await createRoundWithBallot(m, 'results')).roundId}/ballots.pb` }),
  'round.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/rounds`, body: { data: ROUND_SETTINGS } }),
  'round.update': async (m) => ({ method: 'put', path: `/api/participation/municipalities/${m}/rounds/${await createRound(app.strapi, m)}`, body: { data: ROUND_SETTINGS } }),
  'round.transition': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/rounds/${await createRound(app.strapi, m)}/transitions`, body: { action: 'open-proposals' } }),
  'round.count': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/rounds/${(await createRoundWithBallot(m, 'counting')).roundId}/count` }),
  'proposal.find': async (m) => ({ method: 'get', path: `/api/participation/rounds/${roundIn[m]}/proposals` }),
  'proposal.findOne': async (m, who) => ({ method: 'get', path: `/api/participation/proposals/${await createProposalBy(m, who)}` }),
  'proposal.create': async (m) => ({
    method: 'post',
    path: `/api/participation/rounds/${roundIn[m]}/proposals`,
    body: { data: { title: 'A proposal', description: 'Long enough description.', requestedAmount: '1', budgetLineCodes: ['FIX'] } },
  }),
  'proposal.update': async (m, who) => ({
    method: 'put',
    path: `/api/participation/proposals/${await createProposalBy(m, who)}`,
    body: { data: { title: 'A proposal', description: 'Long enough description.', requestedAmount: '1', budgetLineCodes: ['FIX'] } },
  }),
  'proposal.withdraw': async (m, who) => ({ method: 'post', path: `/api/participation/proposals/${await createProposalBy(m, who)}/withdraw` }),
  'proposal.review': async (m, who) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/proposals/${await createProposalBy(m, who, await createRound(app.strapi, m, { phase: 'review' }))}/review`,
    body: { action: 'start-review' },
  }),
  'ballot.cast': async (m) => {
    const { roundId, proposalId } = await createRoundWithBallot(m, 'voting');
    return { method: 'post', path: `/api/participation/rounds/${roundId}/ballot`, body: { choices: { projects: [proposalId] } } };
  },
  'ballot.castAssisted': async (m) => {
    const { roundId, proposalId } = await createRoundWithBallot(m, 'voting');
    return {
      method: 'post',
      path: `/api/participation/municipalities/${m}/rounds/${roundId}/assisted-ballots`,
      body: { channel: 'paper', participant: { offlineReference: 'Form 0001', residenceMunicipalityCode: m }, consent: { given: true, method: 'signed-form' }, choices: { projects: [proposalId] } },
    };
  },
  // A receipt of the right form, checked once the ballot set is published: it is not in it.
  'ballot.verifyReceipt': async (m) => ({ method: 'get', path: `/api/participation/rounds/${(await createRoundWithBallot(m, 'results')).roundId}/receipts/ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2` }),
  'ballot.participation': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/rounds/${roundIn[m]}/participation` }),
  'realtime.eventsAfter': async (m) => ({ method: 'get', path: `/api/participation/realtime/rooms/round:${roundIn[m]}/events?after=0` }),
  'decision.find': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decisions?subjectKind=round` }),
  'decision.findOne': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decisions/1` }),
  'decision.verifyLog': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decision-log/verify` }),
  'decision.exportLog': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decision-log/export` }),
  'decision.checkpoint': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decision-log/checkpoint` }),
  'decision.signingKey': async () => ({ method: 'get', path: '/api/participation/decision-log/signing-key' }),
  'decision.publish': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/decisions`,
    body: { data: { kind: 'defer', subject: { kind: 'round', documentId: roundIn[m] }, councilDecisionReference: 'VKB nr. 1', decisionDate: '2026-03-01', rationale: 'Matrix decision.' } },
  }),
  'implementation.findOne': async (m, who) => ({ method: 'get', path: `/api/participation/proposals/${await createProposalBy(m, who)}/implementation` }),
  'implementation.budgetLineSpending': async (m) => ({ method: 'get', path: `/api/participation/budget-lines/${lineIn[m]}/participatory-spending` }),
  'implementation.update': async (m, who) => ({
    method: 'put',
    path: `/api/participation/municipalities/${m}/proposals/${await createFundedProposal(m, who)}/implementation`,
    body: { data: { progressPercent: 10, spent: '0', milestones: [] } },
  }),
  'forum.find': async (m) => ({ method: 'get', path: `/api/participation/forums?municipality=${m}` }),
  'forum.findOne': async (m) => ({ method: 'get', path: `/api/participation/forums/${forumIn[m]}` }),
  'forum.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/forums`, body: { data: { title: 'Matrix forum' } } }),
  'forum.findThreads': async (m) => ({ method: 'get', path: `/api/participation/forums/${forumIn[m]}/threads` }),
  'forum.findThread': async (m) => ({ method: 'get', path: `/api/participation/threads/${threadIn[m]}` }),
  'forum.createThread': async (m) => ({ method: 'post', path: `/api/participation/forums/${forumIn[m]}/threads`, body: { data: { title: 'Matrix thread', body: `<p>Thread ${++counter}</p>` } } }),
  'forum.findPosts': async (m) => ({ method: 'get', path: `/api/participation/threads/${threadIn[m]}/posts?page=2` }),
  'forum.createPost': async (m) => ({ method: 'post', path: `/api/participation/threads/${threadIn[m]}/posts`, body: { data: { body: `<p>Post ${++counter}</p>` } } }),
  'forum.react': async (m) => ({ method: 'put', path: `/api/participation/posts/${await createPost(m)}/reactions/like` }),
  'forum.unreact': async (m) => ({ method: 'delete', path: `/api/participation/posts/${await createPost(m)}/reactions/like` }),
  'forum.follow': async (m) => ({ method: 'put', path: `/api/participation/threads/${threadIn[m]}/follow` }),
  'forum.unfollow': async (m) => ({ method: 'delete', path: `/api/participation/threads/${threadIn[m]}/follow` }),
  'moderation.report': async (m) => ({ method: 'post', path: `/api/participation/posts/${await createPost(m)}/reports`, body: { data: { reason: 'other' } } }),
  'moderation.summary': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/moderation/summary` }),
  'moderation.queue': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/moderation/queue` }),
  'moderation.moderatePost': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/posts/${await createPost(m)}/moderation`, body: { data: { action: 'hide', reason: 'spam' } } }),
  'moderation.moderateThread': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/threads/${threadIn[m]}/moderation`, body: { data: { action: 'pin', reason: 'important' } } }),
  'moderation.suspend': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/forums/${forumIn[m]}/suspensions`, body: { data: { userId: (await createMember()).id, days: 1, reason: 'spam' } } }),
  'moderation.liftSuspension': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/forums/${forumIn[m]}/suspensions/${(await createSuspendedMember(m)).id}/lift`,
    body: { data: { reason: 'resolved' } },
  }),
  'statistics.forum': async (m) => ({ method: 'get', path: `/api/participation/forums/${forumIn[m]}/statistics?period=2026-01` }),
  'statistics.meeting': async (m) => ({ method: 'get', path: `/api/participation/meetings/${await createHeldMeeting(m)}/statistics?gender=woman` }),
  'statistics.consultation': async (m) => ({ method: 'get', path: `/api/participation/consultations/${await createSummarisedConsultation(m)}/statistics` }),
  'dialogue-group.find': async (m) => ({ method: 'get', path: `/api/participation/dialogue-groups?municipality=${m}` }),
  'dialogue-group.findOne': async (m) => ({ method: 'get', path: `/api/participation/dialogue-groups/${groupIn[m]}` }),
  'dialogue-group.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/dialogue-groups`, body: { data: { name: 'Matrix group' } } }),
  'dialogue-group.update': async (m) => ({ method: 'put', path: `/api/participation/municipalities/${m}/dialogue-groups/${groupIn[m]}`, body: { data: { name: 'Matrix group' } } }),
  'dialogue-group.addMember': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/dialogue-groups/${groupIn[m]}/members`,
    body: { data: { memberKind: 'organisation', displayName: 'Matrix CSO', stakeholderType: 'cso' } },
  }),
  'dialogue-group.removeMember': async (m) => ({ method: 'delete', path: `/api/participation/municipalities/${m}/dialogue-groups/${groupIn[m]}/members/${await createGroupMember(m)}` }),
  'dialogue-group.findCommitments': async (m) => ({ method: 'get', path: `/api/participation/dialogue-groups/${groupIn[m]}/commitments` }),
  'dialogue-group.updateCommitment': async (m) => ({
    method: 'put',
    path: `/api/participation/municipalities/${m}/commitments/${await createRecommendation(m)}`,
    body: { data: { status: 'in-progress' } },
  }),
  'dialogue-group.recommendationToProposal': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/commitments/${await createRecommendation(m)}/proposal`,
    body: { data: { roundDocumentId: roundIn[m], title: 'From a recommendation', description: 'Long enough description.', requestedAmount: '1', budgetLineCodes: ['FIX'] } },
  }),
  'meeting.find': async (m) => ({ method: 'get', path: `/api/participation/meetings?municipality=${m}` }),
  'meeting.findOne': async (m) => ({ method: 'get', path: `/api/participation/meetings/${meetingIn[m]}` }),
  'meeting.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/meetings`, body: MEETING_BODY(m) }),
  'meeting.update': async (m) => ({ method: 'put', path: `/api/participation/municipalities/${m}/meetings/${await createMeeting(m)}`, body: MEETING_BODY(m) }),
  'meeting.register': async (m) => ({ method: 'put', path: `/api/participation/meetings/${meetingIn[m]}/registration`, body: { data: {} } }),
  'meeting.unregister': async (m) => ({ method: 'delete', path: `/api/participation/meetings/${meetingIn[m]}/registration` }),
  'meeting.findRegistrations': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/meetings/${meetingIn[m]}/registrations` }),
  'meeting.recordAttendance': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/meetings/${meetingIn[m]}/attendance`,
    body: { data: { attendees: [{ offlineReference: `Line ${++counter}` }] } },
  }),
  'meeting.publishMinutes': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/meetings/${await createMeeting(m)}/minutes`, body: { data: { minutes: '<p>Minutes</p>' } } }),
  'consultation.find': async (m) => ({ method: 'get', path: `/api/participation/consultations?municipality=${m}` }),
  'consultation.findOne': async (m) => ({ method: 'get', path: `/api/participation/consultations/${consultationIn[m]}` }),
  'consultation.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/consultations`, body: CONSULTATION_BODY }),
  'consultation.update': async (m) => ({ method: 'put', path: `/api/participation/municipalities/${m}/consultations/${await createDraftConsultation(m)}`, body: CONSULTATION_BODY }),
  'consultation.transition': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/consultations/${await createDraftConsultation(m)}/transitions`, body: { action: 'open' } }),
  'consultation.submitOnline': async (m) => ({ method: 'post', path: `/api/participation/consultations/${consultationIn[m]}/inputs`, body: { data: { answers: [{ questionId: 'q', text: 'A' }], consent: true } } }),
  'consultation.submitOffline': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/consultations/${consultationIn[m]}/offline-inputs`,
    body: { data: { channel: 'paper', offlineReference: `Form ${++counter}`, answers: [{ questionId: 'q', text: 'A' }], consent: { given: true, method: 'signed-form' } } },
  }),
  'consultation.findInputs': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/consultations/${consultationIn[m]}/inputs` }),
  'consultation.publishSummary': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/consultations/${await createClosedConsultation(m)}/summary`,
    body: { data: { themes: [{ title: 'T', description: 'D' }] } },
  }),
  'me.declareDemographics': async () => ({ method: 'put', path: '/api/participation/me/demographics', body: { data: { gender: 'prefer-not-to-say', consent: true } } }),
  'me.withdrawDemographics': async () => ({ method: 'delete', path: '/api/participation/me/demographics' }),
  'openapi.document': async () => ({ method: 'get', path: '/api/participation/openapi.json' }),
  'openapi.page': async () => ({ method: 'get', path: '/api/participation/openapi' }),
  'open-data.moneyByMarker': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/money-by-marker?fiscalYear=2026` }),
  'open-data.moneyByMarkerCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/money-by-marker.csv?fiscalYear=2026` }),
  'open-data.roundParticipation': async (m) => ({ method: 'get', path: `/api/participation/rounds/${(await createRoundWithBallot(m, 'results')).roundId}/participation-statistics` }),
  'open-data.roundParticipationCsv': async (m) => ({ method: 'get', path: `/api/participation/rounds/${(await createRoundWithBallot(m, 'results')).roundId}/participation-statistics.csv` }),
  'open-data.programmeIndicators': async (m) => ({ method: 'get', path: `/api/participation/programme-indicators?municipalities=${m}&fromYear=2026&toYear=2026` }),
  'open-data.programmeIndicatorsCsv': async (m) => ({ method: 'get', path: `/api/participation/programme-indicators.csv?municipalities=${m}&fromYear=2026&toYear=2026` }),
  'open-data.budgetLinesCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/budget-lines.csv` }),
  'open-data.budgetLinesJson': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/budget-lines.json` }),
  'open-data.proposalsCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/proposals.csv` }),
  'open-data.proposalsJson': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/proposals.json` }),
  'open-data.decisionsCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/decisions.csv` }),
  'open-data.decisionsJson': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/decisions.json` }),
  'open-data.roundResultsCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/round-results.csv` }),
  'open-data.roundResultsJson': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/round-results.json` }),
  'open-data.implementationCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/implementation.csv` }),
  'open-data.implementationJson': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/implementation.json` }),
  'open-data.consultationSummariesCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/consultation-summaries.csv` }),
  'open-data.consultationSummariesJson': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/consultation-summaries.json` }),
  'open-data.commitmentsCsv': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/commitments.csv` }),
  'open-data.commitmentsJson': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/open-data/commitments.json` }),
};

beforeAll(async () => {
  app = await bootApp();
  // The fixtures write a post for every request that reacts to one, reports or moderates it: more than a person may in a minute.
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerUser', 10_000);
  app.strapi.config.set('plugin::participation.forum.rateLimits.postsPerMinutePerAddress', 10_000);
  await createMunicipality(app.strapi, 'OWN');
  await createMunicipality(app.strapi, 'OTHER');
  lineIn.OWN = await createLine('OWN');
  lineIn.OTHER = await createLine('OTHER');
  people.citizen = await createPerson(app.strapi, 'citizen');
  people['municipal-staff'] = await createPerson(app.strapi, 'municipal-staff', ['OWN']);
  people.moderator = await createPerson(app.strapi, 'moderator', ['OWN']);
  people['cso-facilitator'] = await createPerson(app.strapi, 'cso-facilitator', ['OWN']);
  staffOf.OWN = people['municipal-staff'];
  staffOf.OTHER = await createPerson(app.strapi, 'municipal-staff', ['OTHER']);
  fixtureAuthor = await createPerson(app.strapi, 'citizen');
  for (const code of ['OWN', 'OTHER']) {
    roundIn[code] = await createRound(app.strapi, code, { phase: 'proposals' });
    // The line the proposals' bodies name, and a first decision for the log's entry and checkpoint.
    await participation().service('budget-line').create(code, {
      fiscalYear: 2026, code: 'FIX', name: 'Fixture', programme: null, functionalClassification: null,
      approvedMinor: '100000', revisedMinor: '100000', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
    });
    await publishDecision(code, { kind: 'defer', subject: { kind: 'round', documentId: roundIn[code] }, councilDecisionReference: 'VKB nr. 1', decisionDate: '2026-03-01', rationale: 'Matrix decision.' });
    forumIn[code] = (await participation().service('forum').createForum(code, { title: `Forum ${code}` }, 0)).documentId;
    const thread = await participation().service('forum').createThread(forumIn[code], { title: 'Matrix', body: `<p>Opening ${code}</p>` }, fixturePoster());
    threadIn[code] = thread.documentId;
    groupIn[code] = (await participation().service('dialogue-group').create(code, { name: `Group ${code}`, reservedSeats: [] }, 0)).documentId;
    meetingIn[code] = await createMeeting(code);
    consultationIn[code] = await createDraftConsultation(code);
    await participation().service('consultation').transition(code, consultationIn[code], 'open');
  }
});
afterAll(async () => {
  await app?.close();
});

it('covers every content-API route the plugin registers, and every rule', () => {
  // Strapi types a plugin's routes as a list or as named routers; this plugin's are named routers.
  const routes = (app.strapi.plugin('participation').routes as Record<string, Core.Router>)['content-api'].routes;
  const handlers = new Set(routes.map((route) => route.handler));
  expect([...handlers].sort()).toEqual(Object.keys(EXPECTED).sort());
  expect(Object.keys(ACCESS_RULES).sort()).toEqual(Object.keys(EXPECTED).sort());
});

const cases = (Object.keys(EXPECTED) as ContentApiAction[]).flatMap((action) => {
  const expectation = EXPECTED[action];
  const byScope = 'own' in expectation ? (['own', 'other'] as const).map((scope) => [scope, expectation[scope]] as const) : [['own', expectation] as const];
  return byScope.flatMap(([scope, outcomes]) =>
    (Object.keys(outcomes) as Who[]).map((who) => ({ action, scope, who, outcome: outcomes[who] }))
  );
});

it.each(cases)('$action · $who · $scope municipality → $outcome', async ({ action, scope, who, outcome }) => {
  const { method, path, body } = await ROUTES[action](scope === 'own' ? 'OWN' : 'OTHER', who);
  let request = app.http()[method](path);
  if (who !== 'anonymous') request = request.set(people[who]!.auth);
  const response = body ? await request.send(body) : await request;
  if (outcome === 'allowed') {
    expect({ status: response.status, error: response.body?.error?.message }).toEqual({ status: SUCCESS[action], error: undefined });
  } else {
    expect(response.status).toBe(outcome);
    expect(response.body.error.message).toMatch(refusalMessage(action, who, scope));
  }
});

/** A refusal names the action and the rule: sign in, the roles that may, or the municipality (a role allowed in its own). */
const refusalMessage = (action: ContentApiAction, who: Who, scope: 'own' | 'other') => {
  const quoted = action.replace(/\./g, '\\.');
  if (who === 'anonymous') return new RegExp(`^Sign in to do this \\(${quoted}\\)\\.$`);
  const expectation = EXPECTED[action];
  const allowedInOwn = ('own' in expectation ? expectation.own : expectation)[who] === 'allowed';
  if (scope === 'other' && allowedInOwn) return new RegExp(`^You are not assigned to municipality "OTHER" \\(${quoted}\\)\\.$`);
  return new RegExp(`^Only [a-z, -]+ may do this \\(${quoted}\\)\\.$`);
};

describe('admin routes', () => {
  it('refuse a request without an admin session', async () => {
    const response = await app.http().get('/participation/municipalities');
    expect(response.status).toBe(401);
  });

  it('refuse a users-permissions JWT (it is not an admin token)', async () => {
    const response = await app.http().post('/participation/municipalities/OWN/budget-lines/import').set(people['municipal-staff']!.auth).send({ csv: 'x' });
    expect(response.status).toBe(401);
  });
});
