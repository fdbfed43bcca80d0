import type { ContentApiAction } from '../../domain/access/rules';
import { routeScopedUsersPermissions } from '../../strategies/route-scoped-users-permissions';
import { toStrapiRoute, type RouteDeclaration } from './declare-route';
import { municipalityRoutes } from './municipalities';
import { openApiRoutes } from './openapi';
import { budgetLineRoutes } from './budget-lines';
import { decisionRoutes } from './decisions';
import { implementationRoutes } from './implementation';
import { realtimeRoutes } from './realtime';

/** Every declared route, in the order the router tries them. */
export const contentApiDeclarations: RouteDeclaration[] = [
  ...Object.values(openApiRoutes),
  ...Object.values(municipalityRoutes),
  ...Object.values(budgetLineRoutes),
  ...Object.values(realtimeRoutes),
  ...Object.values(decisionRoutes),
  ...Object.values(implementationRoutes),
];

const declared = (routes: Record<string, RouteDeclaration>) => Object.values(routes).map(toStrapiRoute);

/** `limitBody`: community writes refuse bodies over the configured size with 413. */
const route = (method: string, path: string, action: ContentApiAction, { limitBody = false } = {}) => ({
  method,
  path,
  handler: action,
  config: {
    // Signed-in users and the Public role through a leaner users-permissions check; API tokens as usual.
    auth: { strategies: [routeScopedUsersPermissions, 'content-api-token'] },
    policies: [{ name: 'plugin::participation.has-access', config: { action } }],
    ...(limitBody ? { middlewares: ['plugin::participation.body-limit'] } : {}),
  },
});
const LIMITED = { limitBody: true };

/**
 * Public reads sit at the top level; every write is nested under the municipality it acts in, so the
 * scope check needs nothing but the path.
 */
export const contentApiRoutes = [
  ...declared(openApiRoutes),
  ...declared(municipalityRoutes),
  ...declared(budgetLineRoutes),
  route('GET', '/me', 'me.find'),
  route('PUT', '/me/profile', 'me.updateProfile'),
  route('POST', '/municipalities/:municipalityCode/participants/:userId/verification', 'participant.verify'),
  route('GET', '/rounds', 'round.find'),
  route('GET', '/rounds/:roundId', 'round.findOne'),
  route('GET', '/rounds/:roundId/ballots.pb', 'round.exportBallots'),
  route('POST', '/municipalities/:municipalityCode/rounds', 'round.create'),
  route('PUT', '/municipalities/:municipalityCode/rounds/:roundId', 'round.update'),
  route('POST', '/municipalities/:municipalityCode/rounds/:roundId/transitions', 'round.transition'),
  route('POST', '/municipalities/:municipalityCode/rounds/:roundId/count', 'round.count'),
  route('GET', '/rounds/:roundId/proposals', 'proposal.find'),
  route('GET', '/proposals/:proposalId', 'proposal.findOne'),
  route('POST', '/rounds/:roundId/proposals', 'proposal.create'),
  route('PUT', '/proposals/:proposalId', 'proposal.update'),
  route('POST', '/proposals/:proposalId/withdraw', 'proposal.withdraw'),
  route('POST', '/municipalities/:municipalityCode/proposals/:proposalId/review', 'proposal.review'),
  route('POST', '/rounds/:roundId/ballot', 'ballot.cast'),
  route('POST', '/municipalities/:municipalityCode/rounds/:roundId/assisted-ballots', 'ballot.castAssisted'),
  route('GET', '/rounds/:roundId/receipts/:receiptCode', 'ballot.verifyReceipt'),
  route('GET', '/municipalities/:municipalityCode/rounds/:roundId/participation', 'ballot.participation'),
  ...declared(realtimeRoutes),
  ...declared(decisionRoutes),
  ...declared(implementationRoutes),
  route('GET', '/forums', 'forum.find'),
  route('GET', '/forums/:forumId', 'forum.findOne'),
  route('POST', '/municipalities/:municipalityCode/forums', 'forum.create', LIMITED),
  route('GET', '/forums/:forumId/threads', 'forum.findThreads'),
  route('POST', '/forums/:forumId/threads', 'forum.createThread', LIMITED),
  route('GET', '/threads/:threadId', 'forum.findThread'),
  route('GET', '/threads/:threadId/posts', 'forum.findPosts'),
  route('POST', '/threads/:threadId/posts', 'forum.createPost', LIMITED),
  route('PUT', '/posts/:postId/reactions/:kind', 'forum.react'),
  route('DELETE', '/posts/:postId/reactions/:kind', 'forum.react'),
  route('PUT', '/threads/:threadId/follow', 'forum.follow'),
  route('DELETE', '/threads/:threadId/follow', 'forum.follow'),
  route('POST', '/posts/:postId/reports', 'moderation.report', LIMITED),
  route('GET', '/municipalities/:municipalityCode/moderation/summary', 'moderation.summary'),
  route('GET', '/municipalities/:municipalityCode/moderation/queue', 'moderation.queue'),
  route('POST', '/municipalities/:municipalityCode/posts/:postId/moderation', 'moderation.moderatePost', LIMITED),
  route('POST', '/municipalities/:municipalityCode/threads/:threadId/moderation', 'moderation.moderateThread', LIMITED),
  route('POST', '/municipalities/:municipalityCode/forums/:forumId/suspensions', 'moderation.suspend', LIMITED),
  route('POST', '/municipalities/:municipalityCode/forums/:forumId/suspensions/:userId/lift', 'moderation.liftSuspension', LIMITED),
  route('GET', '/forums/:forumId/statistics', 'statistics.forum'),
  route('GET', '/dialogue-groups', 'dialogue-group.find'),
  route('GET', '/dialogue-groups/:groupId', 'dialogue-group.findOne'),
  route('POST', '/municipalities/:municipalityCode/dialogue-groups', 'dialogue-group.create', LIMITED),
  route('PUT', '/municipalities/:municipalityCode/dialogue-groups/:groupId', 'dialogue-group.update', LIMITED),
  route('POST', '/municipalities/:municipalityCode/dialogue-groups/:groupId/members', 'dialogue-group.addMember', LIMITED),
  route('DELETE', '/municipalities/:municipalityCode/dialogue-groups/:groupId/members/:memberId', 'dialogue-group.removeMember'),
  route('GET', '/dialogue-groups/:groupId/commitments', 'dialogue-group.findCommitments'),
  route('PUT', '/municipalities/:municipalityCode/commitments/:commitmentId', 'dialogue-group.updateCommitment', LIMITED),
  route('POST', '/municipalities/:municipalityCode/commitments/:commitmentId/proposal', 'dialogue-group.recommendationToProposal', LIMITED),
  route('GET', '/meetings', 'meeting.find'),
  route('GET', '/meetings/:meetingId', 'meeting.findOne'),
  route('GET', '/meetings/:meetingId/statistics', 'statistics.meeting'),
  route('POST', '/municipalities/:municipalityCode/meetings', 'meeting.create', LIMITED),
  route('PUT', '/municipalities/:municipalityCode/meetings/:meetingId', 'meeting.update', LIMITED),
  route('PUT', '/meetings/:meetingId/registration', 'meeting.register', LIMITED),
  route('DELETE', '/meetings/:meetingId/registration', 'meeting.register'),
  route('GET', '/municipalities/:municipalityCode/meetings/:meetingId/registrations', 'meeting.findRegistrations'),
  route('POST', '/municipalities/:municipalityCode/meetings/:meetingId/attendance', 'meeting.recordAttendance', LIMITED),
  route('POST', '/municipalities/:municipalityCode/meetings/:meetingId/minutes', 'meeting.publishMinutes', LIMITED),
  route('GET', '/consultations', 'consultation.find'),
  route('GET', '/consultations/:consultationId', 'consultation.findOne'),
  route('GET', '/consultations/:consultationId/statistics', 'statistics.consultation'),
  route('POST', '/municipalities/:municipalityCode/consultations', 'consultation.create', LIMITED),
  route('PUT', '/municipalities/:municipalityCode/consultations/:consultationId', 'consultation.update', LIMITED),
  route('POST', '/municipalities/:municipalityCode/consultations/:consultationId/transitions', 'consultation.transition'),
  route('POST', '/consultations/:consultationId/inputs', 'consultation.submitOnline', LIMITED),
  route('POST', '/municipalities/:municipalityCode/consultations/:consultationId/offline-inputs', 'consultation.submitOffline', LIMITED),
  route('GET', '/municipalities/:municipalityCode/consultations/:consultationId/inputs', 'consultation.findInputs'),
  route('POST', '/municipalities/:municipalityCode/consultations/:consultationId/summary', 'consultation.publishSummary', LIMITED),
  route('PUT', '/me/demographics', 'me.declareDemographics'),
  route('DELETE', '/me/demographics', 'me.withdrawDemographics'),
];

export default { type: 'content-api' as const, routes: contentApiRoutes };
