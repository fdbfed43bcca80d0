import { z } from 'zod';
import { GROUP_ROLES, MEMBER_KINDS, SEAT_CATEGORIES, STAKEHOLDER_TYPES } from '../../../domain/dialogue-groups/members';
import { proposalFieldsSchema, requireGenderImpactStatement } from '../../../domain/proposals/proposal-input';
import { COMMITMENT_STATUSES } from '../../../domain/dialogue-groups/commitments';
import { writtenLanguageSchema } from '../../../domain/text/written-language';
import { dataBody, documentIdSchema, pageQuery, plainText } from './common';

/** Lists of dialogue groups and consultations narrow to one municipality. */
export const municipalityFilter = { municipality: z.string().min(1).max(32).optional() };

/** The whole group as its organisers state it: creating and updating take the same body. */
export const dialogueGroupBody = dataBody(
  z
    .object({
      name: plainText(200),
      description: plainText(4000).optional(),
      reservedSeats: z
        .array(z.object({ category: z.enum(SEAT_CATEGORIES), seats: z.number().int().min(1).max(100) }).strict())
        .max(SEAT_CATEGORIES.length)
        .default([])
        .refine((seats) => new Set(seats.map((seat) => seat.category)).size === seats.length, 'names a category twice'),
      language: writtenLanguageSchema,
    })
    .strict()
);

export const memberBody = dataBody(
  z
    .object({
      memberKind: z.enum(MEMBER_KINDS),
      displayName: plainText(200),
      organisationName: plainText(200).optional(),
      userId: z.number().int().positive().optional(),
      stakeholderType: z.enum(STAKEHOLDER_TYPES),
      role: z.enum(GROUP_ROLES).default('member'),
      reservedSeat: z.enum(SEAT_CATEGORIES).optional(),
    })
    .strict()
    .refine((member) => member.memberKind === 'person' || member.userId === undefined, { path: ['userId'], message: 'only a person has an account' })
);

/** A recommendation becomes a proposal in a round; the link to the recommendation is set by the server. */
export const recommendationProposalBody = dataBody(
  proposalFieldsSchema.omit({ sourceRecommendationId: true }).extend({ roundDocumentId: documentIdSchema }).strict().superRefine(requireGenderImpactStatement)
);

export const listByMunicipalityQuery = z.object({ ...municipalityFilter, ...pageQuery }).strict();
export const listCommitmentsQuery = z.object({ status: z.enum(COMMITMENT_STATUSES).optional(), ...pageQuery }).strict();
export const commitmentUpdateBody = dataBody(z.object({ status: z.enum(COMMITMENT_STATUSES), statusNote: plainText(1000).optional() }).strict());
