import { z } from 'zod';
import { recordedConsentSchema } from '../../../domain/consent/recorded-consent';
import { COMMITMENT_KINDS } from '../../../domain/dialogue-groups/commitments';
import { visibleText } from '../../../domain/forums/post-body';
import { ACCESSIBILITY_ARRANGEMENTS, NEW_MEETING_STATUSES } from '../../../domain/dialogue-groups/meetings';
import { demographicDeclarationSchema } from '../../../domain/statistics/demographics';
import { writtenLanguageSchema } from '../../../domain/text/written-language';
import { dataBody, documentIdSchema, httpUrl, isoDate, isoInstant, plainText } from './common';

/** Rich text (minutes, agendas) is sanitised like posts when stored; the limit is on what readers see. */
const richText = (maxVisible: number) =>
  z
    .string()
    .max(maxVisible * 4, 'is too long')
    .refine((html) => visibleText(html).length > 0, 'is empty')
    .refine((html) => visibleText(html).length <= maxVisible, `is longer than ${maxVisible} characters`);

/** The whole meeting as its organisers state it: scheduling and rescheduling take the same body. */
export const meetingBody = dataBody(
  z
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
      language: writtenLanguageSchema,
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
    })
);

/**
 * An account (`userId`) or a line of the paper sign-in sheet (`offlineReference`). A paper line's
 * demographics are kept only with the person's consent, recorded like every other (RecordedConsent).
 * One object rather than a union, so that a mistake is named by its field; no transform, so that the
 * OpenAPI document can describe it (domain/dialogue-groups/attendance.ts turns a line into an attendee).
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
  });
export const attendanceBody = dataBody(z.object({ attendees: z.array(attendee).min(1).max(1000) }).strict());

export const minutesBody = dataBody(
  z
    .object({
      minutes: richText(50_000),
      commitments: z
        .array(z.object({ kind: z.enum(COMMITMENT_KINDS), text: plainText(4000), owner: plainText(200), dueDate: isoDate.optional() }).strict())
        .max(200)
        .default([]),
    })
    .strict()
);
