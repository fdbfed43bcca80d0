import { z } from 'zod';
import { visibleText } from '../../../domain/forums/post-body';
import { REACTION_KINDS } from '../../../domain/forums/reactions';
import { REPORT_REASONS } from '../../../domain/forums/report-reasons';
import { ATTACHABLE_KINDS, FORUM_ATTACHMENTS } from '../../../domain/forums/attachments';
import { POST_MODERATION_ACTIONS, SUSPENSION_LIFT_REASONS, THREAD_MODERATION_ACTIONS } from '../../../domain/forums/moderation-actions';
import { documentIdSchema, pageQuery, plainText } from './common';

/** Posts are HTML (sanitised when stored); the limit is on what readers see. */
const postHtml = z
  .string()
  .max(40_000, 'is too long')
  .refine((html) => visibleText(html).length > 0, 'is empty')
  .refine((html) => visibleText(html).length <= 10_000, 'is longer than 10,000 characters');

export const listForumsQuery = z
  .object({
    municipality: z.string().min(1).max(32).optional(),
    attachedKind: z.enum(FORUM_ATTACHMENTS).optional(),
    attachedTo: documentIdSchema.optional(),
    ...pageQuery,
  })
  .strict();

export const forumBody = z
  .object({
    data: z
      .object({
        title: plainText(200),
        description: plainText(2000).optional(),
        attachedTo: z.object({ kind: z.enum(ATTACHABLE_KINDS), documentId: documentIdSchema }).strict().optional(),
      })
      .strict(),
  })
  .strict();

export const threadBody = z.object({ data: z.object({ title: plainText(200), body: postHtml }).strict() }).strict();
export const postBody = z
  .object({ data: z.object({ body: postHtml, replyToPosition: z.number().int().min(1).optional() }).strict() })
  .strict();

export const listThreadsQuery = z.object({ ...pageQuery }).strict();
export const listPostsQuery = z.object({ ...pageQuery }).strict();

export const reactionParams = z.object({ kind: z.enum(REACTION_KINDS) });

export const reportBody = z.object({ data: z.object({ reason: z.enum(REPORT_REASONS), note: plainText(500).optional() }).strict() }).strict();

export const postModerationBody = z
  .object({
    data: z
      .object({ action: z.enum(POST_MODERATION_ACTIONS), reason: z.enum([...REPORT_REASONS, 'resolved']), note: plainText(500).optional() })
      .strict(),
  })
  .strict();

export const threadModerationBody = z
  .object({ data: z.object({ action: z.enum(THREAD_MODERATION_ACTIONS), reason: plainText(40), note: plainText(500).optional() }).strict() })
  .strict();

export const suspensionBody = z
  .object({
    data: z
      .object({
        userId: z.number().int().positive(),
        days: z.number().int().min(1).max(365),
        reason: z.enum(REPORT_REASONS),
        note: plainText(500).optional(),
      })
      .strict(),
  })
  .strict();

export const suspensionLiftBody = z
  .object({ data: z.object({ reason: z.enum(SUSPENSION_LIFT_REASONS), note: plainText(500).optional() }).strict() })
  .strict();
