import type { ContentApiAction } from '../../domain/access/rules';
import { routeScopedUsersPermissions } from '../../strategies/route-scoped-users-permissions';
import { toStrapiRoute, type RouteDeclaration } from './declare-route';
import { meetingRoutes } from './meetings';
import { forumRoutes } from './forums';
import { moderationRoutes } from './moderation';
import { municipalityRoutes } from './municipalities';
import { openApiRoutes } from './openapi';
import { statisticsRoutes } from './statistics';
import { budgetLineRoutes } from './budget-lines';
import { meRoutes } from './me';
import { participantRoutes } from './participants';
import { roundRoutes } from './rounds';
import { proposalRoutes } from './proposals';
import { ballotRoutes } from './ballots';
import { decisionRoutes } from './decisions';
import { implementationRoutes } from './implementation';
import { realtimeRoutes } from './realtime';

/** Every declared route, in the order the router tries them. */
export const contentApiDeclarations: RouteDeclaration[] = [
  ...Object.values(openApiRoutes),
  ...Object.values(municipalityRoutes),
  ...Object.values(budgetLineRoutes),
  ...Object.values(meRoutes),
  ...Object.values(participantRoutes),
  ...Object.values(roundRoutes),
  ...Object.values(proposalRoutes),
  ...Object.values(ballotRoutes),
  ...Object.values(realtimeRoutes),
  ...Object.values(decisionRoutes),
  ...Object.values(implementationRoutes),
  ...Object.values(forumRoutes),
  ...Object.values(moderationRoutes),
  ...Object.values(statisticsRoutes),
  ...Object.values(meetingRoutes),
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
  ...declared(meRoutes),
  ...declared(participantRoutes),
  ...declared(roundRoutes),
  ...declared(proposalRoutes),
  ...declared(ballotRoutes),
  ...declared(realtimeRoutes),
  ...declared(decisionRoutes),
  ...declared(implementationRoutes),
  ...declared(forumRoutes),
  ...declared(moderationRoutes),
  ...declared(statisticsRoutes),
  route('GET', '/dialogue-groups', 'dialogue-group.find'),
  route('GET', '/dialogue-groups/:groupId', 'dialogue-group.findOne'),
  route('POST', '/municipalities/:municipalityCode/dialogue-groups', 'dialogue-group.create', LIMITED),
  route('PUT', '/municipalities/:municipalityCode/dialogue-groups/:groupId', 'dialogue-group.update', LIMITED),
  route('POST', '/municipalities/:municipalityCode/dialogue-groups/:groupId/members', 'dialogue-group.addMember', LIMITED),
  route('DELETE', '/municipalities/:municipalityCode/dialogue-groups/:groupId/members/:memberId', 'dialogue-group.removeMember'),
  route('GET', '/dialogue-groups/:groupId/commitments', 'dialogue-group.findCommitments'),
  route('PUT', '/municipalities/:municipalityCode/commitments/:commitmentId', 'dialogue-group.updateCommitment', LIMITED),
  route('POST', '/municipalities/:municipalityCode/commitments/:commitmentId/proposal', 'dialogue-group.recommendationToProposal', LIMITED),
  ...declared(meetingRoutes),
  route('GET', '/consultations', 'consultation.find'),
  route('GET', '/consultations/:consultationId', 'consultation.findOne'),
  route('POST', '/municipalities/:municipalityCode/consultations', 'consultation.create', LIMITED),
  route('PUT', '/municipalities/:municipalityCode/consultations/:consultationId', 'consultation.update', LIMITED),
  route('POST', '/municipalities/:municipalityCode/consultations/:consultationId/transitions', 'consultation.transition'),
  route('POST', '/consultations/:consultationId/inputs', 'consultation.submitOnline', LIMITED),
  route('POST', '/municipalities/:municipalityCode/consultations/:consultationId/offline-inputs', 'consultation.submitOffline', LIMITED),
  route('GET', '/municipalities/:municipalityCode/consultations/:consultationId/inputs', 'consultation.findInputs'),
  route('POST', '/municipalities/:municipalityCode/consultations/:consultationId/summary', 'consultation.publishSummary', LIMITED),
];

export default { type: 'content-api' as const, routes: contentApiRoutes };
