import { z } from 'zod';
import { recordedConsentSchema } from '../../../domain/consent/recorded-consent';
import { demographicDeclarationSchema } from '../../../domain/statistics/demographics';
import { visibleText } from '../../../domain/forums/post-body';
import { proposalFieldsSchema, requireGenderImpactStatement } from '../../../domain/proposals/proposal-input';
import { TARGET_GROUPS } from '../../../domain/proposals/statuses';
import { GROUP_ROLES, MEMBER_KINDS, STAKEHOLDER_TYPES } from '../../../domain/dialogue-groups/members';
import { ACCESSIBILITY_ARRANGEMENTS, NEW_MEETING_STATUSES } from '../../../domain/dialogue-groups/meetings';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES } from '../../../domain/dialogue-groups/commitments';
import { documentIdSchema, httpUrl, isoDate, isoInstant, pageQuery, plainText } from './common';

/** Seats may be reserved for the same groups proposals target. */
export const SEAT_CATEGORIES = TARGET_GROUPS;

/** Rich text (minutes, agendas) is sanitised like posts when stored; the limit is on what readers see. */
export const richText = (maxVisible: number) =>
  z
    .string()
    .max(maxVisible * 4, 'is too long')
    .refine((html) => visibleText(html).length > 0, 'is empty')
    .refine((html) => visibleText(html).length <= maxVisible, `is longer than ${maxVisible} characters`);

export const listByMunicipalityQuery = z.object({ municipality: z.string().min(1).max(32).optional(), ...pageQuery }).strict();

export const dialogueGroupBody = z
  .object({
    data: z
      .object({
        name: plainText(200),
        description: plainText(4000).optional(),
        reservedSeats: z
          .array(z.object({ category: z.enum(SEAT_CATEGORIES), seats: z.number().int().min(1).max(100) }).strict())
          .max(SEAT_CATEGORIES.length)
          .default([])
          .refine((seats) => new Set(seats.map((seat) => seat.category)).size === seats.length, 'names a category twice'),
      })
      .strict(),
  })
  .strict();

export const memberBody = z
  .object({
    data: z
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
      .refine((member) => member.memberKind === 'person' || member.userId === undefined, { path: ['userId'], message: 'only a person has an account' }),
  })
  .strict();

export const listMeetingsQuery = z
  .object({ municipality: z.string().min(1).max(32).optional(), group: documentIdSchema.optional(), consultation: documentIdSchema.optional(), ...pageQuery })
  .strict();

export const meetingBody = z
  .object({
    data: z
      .object({
        groupDocumentId: documentIdSchema.optional(),
        consultationDocumentId: documentIdSchema.optional(),
        title: plainText(200),
        startsAt: isoInstant,
        endsAt: isoInstant.optional(),
        place: plainText(300).optional(),
        onlineLink: httpUrl(500, { protocols: ['https:'] }).optional(),
        accessibility: z.array(z.enum(ACCESSIBILITY_ARRANGEMENTS)).max(ACCESSIBILITY_ARRANGEMENTS.length).default([]),
        agenda: richText(10_000).optional(),
        capacity: z.number().int().min(1).max(100_000).optional(),
        status: z.enum(NEW_MEETING_STATUSES).default('scheduled'),
      })
      .strict()
      .superRefine((meeting, ctx) => {
        if (!meeting.groupDocumentId && !meeting.consultationDocumentId) {
          ctx.addIssue({ code: 'custom', path: ['groupDocumentId'], message: 'a meeting belongs to a dialogue group or a consultation' });
        }
        if (meeting.endsAt && Date.parse(meeting.endsAt) <= Date.parse(meeting.startsAt)) {
          ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
        }
        if (!meeting.place && !meeting.onlineLink) {
          ctx.addIssue({ code: 'custom', path: ['place'], message: 'give a place, an online link or both' });
        }
      }),
  })
  .strict();

export const listRegistrationsQuery = z.object({ ...pageQuery }).strict();
export const registrationBody = z.object({ data: z.object({ accessibilityNeeds: plainText(500).optional() }).strict().default({}) }).strict();

/**
 * An account (`userId`) or a line of the paper sign-in sheet (`offlineReference`). A paper line's
 * demographics are kept only with the person's consent, recorded like every other (RecordedConsent).
 * One object rather than a union, so that a mistake is named by its field.
 */
const attendee = z
  .object({
    userId: z.number().int().positive().optional(),
    offlineReference: plainText(100).optional(),
    consent: recordedConsentSchema.optional(),
    demographics: demographicDeclarationSchema.optional(),
  })
  .strict()
  .superRefine((line, ctx) => {
    if ((line.userId === undefined) === (line.offlineReference === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['offlineReference'], message: 'give either userId (an account) or offlineReference (a paper line)' });
    }
    if (line.userId !== undefined && (line.consent !== undefined || line.demographics !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['demographics'], message: 'an account’s demographics come from its own declaration' });
    }
    if (line.demographics !== undefined && line.consent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['consent'], message: 'record how the person consented to their demographics being kept' });
    }
  })
  .transform(({ userId, offlineReference, consent, demographics }) =>
    userId !== undefined ? { userId } : { offlineReference: offlineReference!, ...(consent ? { consent } : {}), ...(demographics ? { demographics } : {}) }
  );
export const attendanceBody = z.object({ data: z.object({ attendees: z.array(attendee).min(1).max(1000) }).strict() }).strict();

export const minutesBody = z
  .object({
    data: z
      .object({
        minutes: richText(50_000),
        commitments: z
          .array(
            z
              .object({ kind: z.enum(COMMITMENT_KINDS), text: plainText(4000), owner: plainText(200), dueDate: isoDate.optional() })
              .strict()
          )
          .max(200)
          .default([]),
      })
      .strict(),
  })
  .strict();

export const listCommitmentsQuery = z.object({ status: z.enum(COMMITMENT_STATUSES).optional(), ...pageQuery }).strict();
export const commitmentUpdateBody = z
  .object({ data: z.object({ status: z.enum(COMMITMENT_STATUSES), statusNote: plainText(1000).optional() }).strict() })
  .strict();

/** A recommendation becomes a proposal in a round; the link to the recommendation is set by the server. */
export const recommendationProposalBody = z
  .object({
    data: proposalFieldsSchema.omit({ sourceRecommendationId: true }).extend({ roundDocumentId: documentIdSchema }).strict().superRefine(requireGenderImpactStatement),
  })
  .strict();
