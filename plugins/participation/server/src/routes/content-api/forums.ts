import { z } from 'zod';
import {
  createdThreadAnswerSchema,
  followingAnswerSchema,
  forumAnswerSchema,
  forumListSchema,
  postAnswerSchema,
  postListSchema,
  reactionCountsAnswerSchema,
  threadListSchema,
  threadWithForumAnswerSchema,
} from '../../../../shared/contracts/forums';
import { ATTACHABLE_KINDS, FORUM_ATTACHMENTS } from '../../domain/forums/attachments';
import { visibleText } from '../../domain/forums/post-body';
import { writtenLanguageSchema } from '../../domain/text/written-language';
import { declareRoute } from './declare-route';
import { documentIdSchema, pageQuery, plainText } from './validation/common';

/** Posts are HTML (sanitised when stored); the limit is on what readers see. */
const postHtml = z
  .string()
  .max(40_000, 'is too long')
  .refine((html) => visibleText(html).length > 0, 'is empty')
  .refine((html) => visibleText(html).length <= 10_000, 'is longer than 10,000 characters');

export const forumRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/forums',
    action: 'forum.find',
    summary: 'List forums, by municipality or by what they are attached to',
    query: z.object({
      municipality: z.string().min(1).max(32).optional(),
      attachedKind: z.enum(FORUM_ATTACHMENTS).optional(),
      attachedTo: documentIdSchema.optional(),
      ...pageQuery,
    }),
    response: forumListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/forums/:forumId',
    action: 'forum.findOne',
    summary: 'One forum',
    response: forumAnswerSchema,
  }),
  create: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/forums',
    action: 'forum.create',
    summary: 'Open a forum in the municipality, or for one of its rounds, dialogue groups or consultations',
    body: z.strictObject({
      data: z.strictObject({
        title: plainText(200),
        description: plainText(2000).optional(),
        attachedTo: z.strictObject({ kind: z.enum(ATTACHABLE_KINDS), documentId: documentIdSchema }).optional(),
        language: writtenLanguageSchema,
      }),
    }),
    response: forumAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  findThreads: declareRoute({
    method: 'GET',
    path: '/forums/:forumId/threads',
    action: 'forum.findThreads',
    summary: "A forum's threads, pinned first, then by latest post",
    query: z.object({ ...pageQuery }),
    response: threadListSchema,
  }),
  createThread: declareRoute({
    method: 'POST',
    path: '/forums/:forumId/threads',
    action: 'forum.createThread',
    summary: 'Open a thread with its first post',
    body: z.strictObject({ data: z.strictObject({ title: plainText(200), body: postHtml, language: writtenLanguageSchema }) }),
    response: createdThreadAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  findThread: declareRoute({
    method: 'GET',
    path: '/threads/:threadId',
    action: 'forum.findThread',
    summary: 'One thread, with its forum',
    response: threadWithForumAnswerSchema,
  }),
  findPosts: declareRoute({
    method: 'GET',
    path: '/threads/:threadId/posts',
    action: 'forum.findPosts',
    summary: "A thread's posts by position (any page costs the same, however deep)",
    query: z.object({ ...pageQuery }),
    response: postListSchema,
  }),
  createPost: declareRoute({
    method: 'POST',
    path: '/threads/:threadId/posts',
    action: 'forum.createPost',
    summary: 'Post in a thread, optionally as a reply to an earlier post',
    body: z.strictObject({ data: z.strictObject({ body: postHtml, replyToPosition: z.number().int().min(1).optional(), language: writtenLanguageSchema }) }),
    response: postAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  react: declareRoute({
    method: 'PUT',
    path: '/posts/:postId/reactions/:kind',
    action: 'forum.react',
    summary: 'React to a post (once per kind); answers its reaction counts',
    response: reactionCountsAnswerSchema,
  }),
  unreact: declareRoute({
    method: 'DELETE',
    path: '/posts/:postId/reactions/:kind',
    action: 'forum.unreact',
    summary: 'Take back a reaction to a post; answers its reaction counts',
    response: reactionCountsAnswerSchema,
  }),
  follow: declareRoute({
    method: 'PUT',
    path: '/threads/:threadId/follow',
    action: 'forum.follow',
    summary: "Follow a thread: its new posts are announced in the caller's own room",
    response: followingAnswerSchema,
  }),
  unfollow: declareRoute({
    method: 'DELETE',
    path: '/threads/:threadId/follow',
    action: 'forum.unfollow',
    summary: 'Stop following a thread',
    response: followingAnswerSchema,
  }),
};
