import { z } from 'zod';
import { REACTION_KINDS } from '../../../domain/forums/reactions';
import { documentIdSchema, municipalityCodeParam } from './common';

/**
 * Every name a content-API path may use for a parameter, with its schema: a route's `params` are built
 * from its path (declare-route.ts), so a name means the same thing in every route.
 */
export const pathParameters = {
  municipalityCode: municipalityCodeParam,
  commitmentId: documentIdSchema,
  consultationId: documentIdSchema,
  documentId: documentIdSchema,
  forumId: documentIdSchema,
  groupId: documentIdSchema,
  meetingId: documentIdSchema,
  memberId: documentIdSchema,
  postId: documentIdSchema,
  proposalId: documentIdSchema,
  roundId: documentIdSchema,
  threadId: documentIdSchema,
  userId: z.coerce.number().int().positive(),
  kind: z.enum(REACTION_KINDS),
  // Any text: the ballot service parses it and names what a receipt looks like when it is not one.
  receiptCode: z.string(),
  /** A decision's place in its municipality's log. */
  sequence: z.coerce.number().int().min(1),
  room: z.string().min(1).max(200),
};

export type PathParameterName = keyof typeof pathParameters;
