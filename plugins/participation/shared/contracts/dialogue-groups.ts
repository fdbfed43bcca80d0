import type { Paginated, RecordedConsent, Single } from './common';
import type { TargetGroup } from './rounds';
import type { PublishedCount } from './statistics';
import type { GroupRole, MemberKind, StakeholderType } from '../../server/src/domain/dialogue-groups/members';
import type { AccessibilityArrangement, MeetingStatus } from '../../server/src/domain/dialogue-groups/meetings';
import type { CommitmentKind, CommitmentStatus } from '../../server/src/domain/dialogue-groups/commitments';

export type { GroupRole, MemberKind, StakeholderType };
/** Groups a dialogue group may reserve seats for: the groups proposals target. */
export type SeatCategory = TargetGroup;
export type { AccessibilityArrangement, MeetingStatus };
export type { CommitmentKind, CommitmentStatus };

export interface DialogueGroupMember {
  documentId: string;
  memberKind: MemberKind;
  displayName: string;
  organisationName: string | null;
  stakeholderType: StakeholderType;
  role: GroupRole;
  reservedSeat: SeatCategory | null;
}

/** A Local Social Dialogue Group, with its current members and whether its reserved seats are filled. */
export interface DialogueGroup {
  documentId: string;
  municipalityCode: string;
  name: string;
  description: string | null;
  reservedSeats: Array<{ category: SeatCategory; seats: number; filled: number; vacant: number }>;
  members: DialogueGroupMember[];
}

export interface DialogueGroupInput {
  name: string;
  description?: string;
  reservedSeats?: Array<{ category: SeatCategory; seats: number }>;
}
export interface MemberInput {
  memberKind: MemberKind;
  displayName: string;
  organisationName?: string;
  /** A person with an account; organisations and people without one are named only. */
  userId?: number;
  stakeholderType: StakeholderType;
  role?: GroupRole;
  reservedSeat?: SeatCategory;
}

export interface Meeting {
  documentId: string;
  municipalityCode: string;
  groupDocumentId: string | null;
  consultationDocumentId: string | null;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  onlineLink: string | null;
  accessibility: AccessibilityArrangement[];
  agenda: string | null;
  capacity: number | null;
  status: MeetingStatus;
  registered: number;
  /** Its statistics' total once the minutes are out (the same suppression); null while attendance is open. */
  attended: PublishedCount | null;
  /** Sanitised HTML, published after the meeting. */
  minutes: string | null;
  minutesPublishedAt: string | null;
}

export interface MeetingInput {
  groupDocumentId?: string;
  consultationDocumentId?: string;
  title: string;
  startsAt: string;
  endsAt?: string;
  place?: string;
  onlineLink?: string;
  accessibility?: AccessibilityArrangement[];
  agenda?: string;
  capacity?: number;
  status?: MeetingStatus;
}

/**
 * `GET /municipalities/:code/meetings/:meetingId/registrations` (staff and facilitators of the meeting's
 * municipality): who registered and the accessibility needs they stated, so that organisers can prepare.
 */
export interface MeetingRegistration {
  username: string;
  accessibilityNeeds: string | null;
  registeredAt: string;
}
export type ListMeetingRegistrations = Paginated<MeetingRegistration>;

/** Someone who attended: an account, or a line of the paper sign-in sheet (demographics only with recorded consent). */
export type AttendeeInput =
  | { userId: number }
  | { offlineReference: string; consent?: RecordedConsent; demographics?: unknown };

export interface MinutesInput {
  minutes: string;
  commitments?: Array<{ kind: CommitmentKind; text: string; owner: string; dueDate?: string }>;
}

export interface Commitment {
  documentId: string;
  groupDocumentId: string;
  meetingDocumentId: string;
  municipalityCode: string;
  kind: CommitmentKind;
  text: string;
  owner: string;
  dueDate: string | null;
  status: CommitmentStatus;
  statusNote: string | null;
  /** The budgeting-round proposal a recommendation became (the proposal links back). */
  proposalDocumentId: string | null;
}

export type ListDialogueGroups = Paginated<Omit<DialogueGroup, 'members'>>;
export type ListMeetings = Paginated<Meeting>;
export type ListCommitments = Paginated<Commitment>;
export type MeetingWithCommitments = Single<Meeting & { commitments: Commitment[] }>;
