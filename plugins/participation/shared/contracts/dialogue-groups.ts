import { z } from 'zod';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES } from '../../server/src/domain/dialogue-groups/commitments';
import { GROUP_ROLES, MEMBER_KINDS, SEAT_CATEGORIES, STAKEHOLDER_TYPES, type SeatCategory } from '../../server/src/domain/dialogue-groups/members';
import { ACCESSIBILITY_ARRANGEMENTS, MEETING_STATUSES } from '../../server/src/domain/dialogue-groups/meetings';
import { instantSchema, paginated, single, writtenLanguageAnswerSchema, type RecordedConsent } from './common';
import type { PortalLanguage } from '../../portal/src/i18n/languages';
import { publishedCountSchema } from './statistics';

export type { CommitmentKind, CommitmentStatus } from '../../server/src/domain/dialogue-groups/commitments';
export type { GroupRole, StakeholderType } from '../../server/src/domain/dialogue-groups/members';
export type { AccessibilityArrangement } from '../../server/src/domain/dialogue-groups/meetings';
export type { MeetingStatus } from '../../server/src/domain/dialogue-groups/meetings';
/** Groups a dialogue group may reserve seats for: the groups proposals target. */
export type { SeatCategory } from '../../server/src/domain/dialogue-groups/members';

/** A calendar date as the database gives it, e.g. 2026-03-15. */
const calendarDateSchema = z.iso.date();

export const dialogueGroupMemberSchema = z.strictObject({
  documentId: z.string(),
  memberKind: z.enum(MEMBER_KINDS),
  displayName: z.string(),
  organisationName: z.string().nullable(),
  stakeholderType: z.enum(STAKEHOLDER_TYPES),
  role: z.enum(GROUP_ROLES),
  reservedSeat: z.enum(SEAT_CATEGORIES).nullable(),
});
export type DialogueGroupMember = z.infer<typeof dialogueGroupMemberSchema>;

/** Reserved seats are public, and so is whether they are filled. */
const reservedSeatViewSchema = z.strictObject({
  category: z.enum(SEAT_CATEGORIES),
  seats: z.number().int().min(1),
  filled: z.number().int().min(0),
  vacant: z.number().int().min(0),
});

/** A Local Social Dialogue Group, with its current members and whether its reserved seats are filled. */
export const dialogueGroupSchema = z.strictObject({
  documentId: z.string(),
  municipalityCode: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  reservedSeats: z.array(reservedSeatViewSchema),
  members: z.array(dialogueGroupMemberSchema),
  language: writtenLanguageAnswerSchema,
});
export type DialogueGroup = z.infer<typeof dialogueGroupSchema>;

export const dialogueGroupListSchema = paginated(dialogueGroupSchema.omit({ members: true }));
export const dialogueGroupAnswerSchema = single(dialogueGroupSchema);
export type ListDialogueGroups = z.infer<typeof dialogueGroupListSchema>;

export interface DialogueGroupInput {
  name: string;
  description?: string;
  reservedSeats?: Array<{ category: SeatCategory; seats: number }>;
  language?: PortalLanguage | null;
}
export interface MemberInput {
  memberKind: DialogueGroupMember['memberKind'];
  displayName: string;
  organisationName?: string;
  /** A person with an account; organisations and people without one are named only. */
  userId?: number;
  stakeholderType: DialogueGroupMember['stakeholderType'];
  role?: DialogueGroupMember['role'];
  reservedSeat?: SeatCategory;
}

export const meetingSchema = z.strictObject({
  documentId: z.string(),
  municipalityCode: z.string(),
  groupDocumentId: z.string().nullable(),
  consultationDocumentId: z.string().nullable(),
  title: z.string(),
  startsAt: instantSchema,
  endsAt: instantSchema.nullable(),
  place: z.string().nullable(),
  onlineLink: z.string().nullable(),
  accessibility: z.array(z.enum(ACCESSIBILITY_ARRANGEMENTS)),
  agenda: z.string().nullable(),
  capacity: z.number().int().min(1).nullable(),
  status: z.enum(MEETING_STATUSES),
  registered: z.number().int().min(0),
  /** Its statistics' total once the minutes are out (the same suppression); null while attendance is open. */
  attended: publishedCountSchema.nullable(),
  /** Sanitised HTML, published after the meeting. */
  minutes: z.string().nullable(),
  minutesPublishedAt: instantSchema.nullable(),
  language: writtenLanguageAnswerSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export interface MeetingInput {
  groupDocumentId?: string;
  consultationDocumentId?: string;
  title: string;
  startsAt: string;
  endsAt?: string;
  place?: string;
  onlineLink?: string;
  accessibility?: Meeting['accessibility'];
  agenda?: string;
  capacity?: number;
  status?: Meeting['status'];
  language?: PortalLanguage | null;
}

export const commitmentSchema = z.strictObject({
  documentId: z.string(),
  groupDocumentId: z.string(),
  meetingDocumentId: z.string(),
  municipalityCode: z.string(),
  kind: z.enum(COMMITMENT_KINDS),
  text: z.string(),
  owner: z.string(),
  dueDate: calendarDateSchema.nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  statusNote: z.string().nullable(),
  /** The budgeting-round proposal a recommendation became (the proposal links back). */
  proposalDocumentId: z.string().nullable(),
  /** Every status it has had, oldest first: recorded open with the minutes, then each change and its note. */
  history: z.array(z.strictObject({ from: z.enum(COMMITMENT_STATUSES).nullable(), to: z.enum(COMMITMENT_STATUSES), at: instantSchema, note: z.string().nullable() })),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const commitmentListSchema = paginated(commitmentSchema);
export const commitmentAnswerSchema = single(commitmentSchema);
export type ListCommitments = z.infer<typeof commitmentListSchema>;

export const meetingListSchema = paginated(meetingSchema);
export type ListMeetings = z.infer<typeof meetingListSchema>;
export const meetingAnswerSchema = single(meetingSchema);
/** A meeting with the commitments its minutes recorded. */
export const meetingWithCommitmentsAnswerSchema = single(meetingSchema.extend({ commitments: z.array(commitmentSchema) }));
export type MeetingWithCommitments = z.infer<typeof meetingWithCommitmentsAnswerSchema>;

/** Whether the caller is registered for the meeting, after registering or unregistering. */
export const registrationAnswerSchema = single(z.strictObject({ registered: z.boolean() }));

/**
 * `GET /municipalities/:code/meetings/:meetingId/registrations` (staff and facilitators of the meeting's
 * municipality): who registered and the accessibility needs they stated, so that organisers can prepare.
 */
export const meetingRegistrationSchema = z.strictObject({
  username: z.string(),
  accessibilityNeeds: z.string().nullable(),
  registeredAt: instantSchema,
});
export type MeetingRegistration = z.infer<typeof meetingRegistrationSchema>;
export const meetingRegistrationListSchema = paginated(meetingRegistrationSchema);
export type ListMeetingRegistrations = z.infer<typeof meetingRegistrationListSchema>;

/** A sign-in sheet entered: how many lines were new, and everyone recorded for the meeting so far. */
export const attendanceAnswerSchema = single(z.strictObject({ recorded: z.number().int().min(0), attended: z.number().int().min(0) }));

/** Someone who attended: an account, or a line of the paper sign-in sheet (demographics only with recorded consent). */
export type AttendeeInput =
  | { userId: number }
  | { offlineReference: string; consent?: RecordedConsent; demographics?: unknown };

export interface MinutesInput {
  minutes: string;
  commitments?: Array<{ kind: Commitment['kind']; text: string; owner: string; dueDate?: string }>;
}
