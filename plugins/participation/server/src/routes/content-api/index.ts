import type { ContentApiAction } from '../../domain/access/rules';

/** `limitBody`: community writes refuse bodies over the configured size with 413. */
const route = (method: string, path: string, action: ContentApiAction, { limitBody = false } = {}) => ({
  method,
  path,
  handler: action,
  config: {
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
  route('GET', '/municipalities', 'municipality.find'),
  route('GET', '/municipalities/:municipalityCode', 'municipality.findOne'),
  route('GET', '/budget-lines', 'budget-line.find'),
  route('GET', '/budget-lines/:documentId', 'budget-line.findOne'),
  route('POST', '/municipalities/:municipalityCode/budget-lines', 'budget-line.create'),
  route('PUT', '/municipalities/:municipalityCode/budget-lines/:documentId', 'budget-line.update'),
  route('DELETE', '/municipalities/:municipalityCode/budget-lines/:documentId', 'budget-line.delete'),
  route('POST', '/municipalities/:municipalityCode/budget-lines/import', 'budget-line.import'),
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
  route('GET', '/realtime/rooms/:room/events', 'realtime.eventsAfter'),
  route('GET', '/municipalities/:municipalityCode/decisions', 'decision.find'),
  route('GET', '/municipalities/:municipalityCode/decisions/:sequence', 'decision.findOne'),
  route('GET', '/municipalities/:municipalityCode/decision-log/verify', 'decision.verifyLog'),
  route('GET', '/municipalities/:municipalityCode/decision-log/export', 'decision.exportLog'),
  route('POST', '/municipalities/:municipalityCode/decisions', 'decision.publish'),
  route('GET', '/proposals/:proposalId/implementation', 'implementation.findOne'),
  route('GET', '/budget-lines/:documentId/participatory-spending', 'implementation.budgetLineSpending'),
  route('PUT', '/municipalities/:municipalityCode/proposals/:proposalId/implementation', 'implementation.update'),
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
];

export default { type: 'content-api' as const, routes: contentApiRoutes };
