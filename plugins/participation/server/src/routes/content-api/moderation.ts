import { z } from 'zod';
import {
  liftedSuspensionAnswerSchema,
  moderationQueueAnswerSchema,
  moderationSummaryAnswerSchema,
  postAnswerSchema,
  reportOutcomeAnswerSchema,
  suspensionAnswerSchema,
  threadWithForumAnswerSchema,
} from '../../../../shared/contracts/forums';
import { POST_MODERATION_ACTIONS, SUSPENSION_LIFT_REASONS, THREAD_MODERATION_ACTIONS } from '../../domain/forums/moderation-actions';
import { REPORT_REASONS } from '../../domain/forums/report-reasons';
import { declareRoute } from './declare-route';
import { plainText } from './validation/common';

/** What the moderator adds for the public record. */
const note = plainText(500).optional();

export const moderationRoutes = {
  report: declareRoute({
    method: 'POST',
    path: '/posts/:postId/reports',
    action: 'moderation.report',
    summary: "Report a post (once); enough established members' reports hide it until a moderator decides",
    body: z.strictObject({ data: z.strictObject({ reason: z.enum(REPORT_REASONS), note }) }),
    response: reportOutcomeAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  summary: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/moderation/summary',
    action: 'moderation.summary',
    summary: "How many moderation actions of each kind the municipality's moderators took, by reason",
    response: moderationSummaryAnswerSchema,
  }),
  queue: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/moderation/queue',
    action: 'moderation.queue',
    summary: 'Reported posts and posts hidden after reports, oldest first, with the reports and the hidden text',
    response: moderationQueueAnswerSchema,
  }),
  moderatePost: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/posts/:postId/moderation',
    action: 'moderation.moderatePost',
    summary: 'Hide a post with a published reason, or restore it',
    body: z.strictObject({ data: z.strictObject({ action: z.enum(POST_MODERATION_ACTIONS), reason: z.enum([...REPORT_REASONS, 'resolved']), note }) }),
    response: postAnswerSchema,
    limitBody: true,
  }),
  moderateThread: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/threads/:threadId/moderation',
    action: 'moderation.moderateThread',
    summary: 'Lock, unlock, pin or unpin a thread',
    body: z.strictObject({ data: z.strictObject({ action: z.enum(THREAD_MODERATION_ACTIONS), reason: plainText(40), note }) }),
    response: threadWithForumAnswerSchema,
    limitBody: true,
  }),
  suspend: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/forums/:forumId/suspensions',
    action: 'moderation.suspend',
    summary: 'Suspend a member from posting in a forum for some days',
    body: z.strictObject({
      data: z.strictObject({
        userId: z.number().int().positive(),
        days: z.number().int().min(1).max(365),
        reason: z.enum(REPORT_REASONS),
        note,
      }),
    }),
    response: suspensionAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  liftSuspension: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/forums/:forumId/suspensions/:userId/lift',
    action: 'moderation.liftSuspension',
    summary: "End a member's suspension from a forum early; it stays on record",
    body: z.strictObject({ data: z.strictObject({ reason: z.enum(SUSPENSION_LIFT_REASONS), note }) }),
    response: liftedSuspensionAnswerSchema,
    limitBody: true,
  }),
};
