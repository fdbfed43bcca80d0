import type { MeetingStatus } from '../domain/dialogue-groups/meetings';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';
import type { GroupRole, MemberKind, SeatCategory, StakeholderType } from '../domain/dialogue-groups/members';

/**
 * The rows of dialogue groups, their members and meetings as the query engine returns them (the services,
 * dialogue-group.ts and meeting.ts, read nothing with knex, so no table is named here). JSON attributes
 * are `unknown`, read with readJson.
 */

export interface DialogueGroupRow {
  id: number;
  documentId: string;
  municipalityCode: string;
  name: string;
  description: string | null;
  reservedSeats: unknown;
  language: PortalLanguage | null;
}

export interface DialogueGroupMemberRow {
  id: number;
  documentId: string;
  groupDocumentId: string;
  memberKind: MemberKind;
  displayName: string;
  organisationName: string | null;
  userId: number | null;
  stakeholderType: StakeholderType;
  groupRole: GroupRole;
  reservedSeat: SeatCategory | null;
  leftAt: string | null;
}

export interface MeetingRow {
  id: number;
  documentId: string;
  municipalityCode: string;
  groupDocumentId: string | null;
  consultationDocumentId: string | null;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  onlineLink: string | null;
  accessibility: unknown;
  agenda: string | null;
  capacity: number | null;
  status: MeetingStatus;
  minutes: string | null;
  minutesPublishedAt: string | null;
  language: PortalLanguage | null;
}

export interface MeetingRegistrationRow {
  id: number;
  meetingDocumentId: string;
  userId: number;
  accessibilityNeeds: string | null;
  createdAt: string;
}

export interface MeetingAttendanceRow {
  id: number;
  meetingDocumentId: string;
  userId: number | null;
  offlineReference: string | null;
  demographics: unknown;
}
