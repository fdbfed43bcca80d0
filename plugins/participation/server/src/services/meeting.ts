import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Commitment, ListMeetingRegistrations, Meeting, MeetingInput, MinutesInput } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { consentColumns } from '../domain/consent/recorded-consent';
import { sanitisePostHtml } from '../domain/forums/post-body';
import { toAttendee, type AttendanceLine } from '../domain/dialogue-groups/attendance';
import type { DemographicDeclaration } from '../domain/statistics/demographics';
import { meetingIsClosed } from '../domain/statistics/publication';
import { conflict } from '../utils/conflict';
import { isUniqueViolation } from '../utils/database-errors';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import type { PageRequest } from '../utils/pagination';
import { givenFilters } from '../utils/list-filters';
import { getService } from '../utils/get-service';
import type { UpdateData } from '../utils/update-data';
import type { MeetingAttendanceRow, MeetingRegistrationRow, MeetingRow } from '../tables/dialogue-groups';


const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const meetings = () => strapi.db.query(UID.meeting);
  const registrations = () => strapi.db.query(UID.meetingRegistration);
  const attendances = () => strapi.db.query(UID.meetingAttendance);

  const requireMeeting = async (documentId: string, municipalityCode?: string) => {
    const row = await meetings().findOne({ where: { documentId } });
    if (!row || (municipalityCode && row.municipalityCode !== municipalityCode)) {
      throw new errors.NotFoundError(`No meeting ${documentId}${municipalityCode ? ` in ${municipalityCode}` : ''}`);
    }
    return row;
  };

  const toMeeting = async (row: MeetingRow): Promise<Meeting> => {
    const [registered, attended] = await Promise.all([
      registrations().count({ where: { meetingDocumentId: row.documentId } }),
      getService(strapi, 'statistics').meetingAttendance({ documentId: row.documentId, status: row.status }),
    ]);
    return {
      documentId: row.documentId,
      municipalityCode: row.municipalityCode,
      groupDocumentId: row.groupDocumentId ?? null,
      consultationDocumentId: row.consultationDocumentId ?? null,
      title: row.title,
      startsAt: iso(row.startsAt)!,
      endsAt: iso(row.endsAt),
      place: row.place ?? null,
      onlineLink: row.onlineLink ?? null,
      accessibility: readJson(row.accessibility) ?? [],
      agenda: row.agenda ?? null,
      capacity: row.capacity ?? null,
      status: row.status,
      registered,
      attended,
      minutes: row.minutes ?? null,
      minutesPublishedAt: iso(row.minutesPublishedAt),
      language: row.language ?? null,
    };
  };

  /** Attendance and minutes describe a meeting that has taken place: not before it starts. */
  const requireStarted = (meeting: MeetingRow, what: string) => {
    if (Date.now() < new Date(meeting.startsAt).getTime()) throw conflict(`The meeting starts at ${iso(meeting.startsAt)}: ${what} once it has started.`);
  };

  /** A meeting's group or consultation must exist in the municipality it is scheduled in. */
  const requireOwners = async (municipalityCode: string, input: { groupDocumentId?: string; consultationDocumentId?: string }) => {
    if (input.groupDocumentId) {
      const group = await strapi.db.query(UID.dialogueGroup).findOne({ where: { documentId: input.groupDocumentId }, select: ['municipalityCode'] });
      if (!group || group.municipalityCode !== municipalityCode) throw fieldError('data.groupDocumentId', `no dialogue group ${input.groupDocumentId} in ${municipalityCode}`);
    }
    if (input.consultationDocumentId) {
      const consultation = await strapi.db.query(UID.consultation).findOne({ where: { documentId: input.consultationDocumentId }, select: ['municipalityCode'] });
      if (!consultation || consultation.municipalityCode !== municipalityCode) {
        throw fieldError('data.consultationDocumentId', `no consultation ${input.consultationDocumentId} in ${municipalityCode}`);
      }
    }
  };

  const announce = async (type: 'meeting.scheduled' | 'meeting.minutes-published', meeting: Meeting, commitments: Commitment[] = []) => {
    if (!meeting.groupDocumentId) return getService(strapi, 'notifications').meetingAnnounced(type, meeting);
    const room = `dialogue-group:${meeting.groupDocumentId}`;
    const events = getService(strapi, 'events');
    if (type === 'meeting.scheduled') await events.publish(type, room, { meeting });
    else await events.publish(type, room, { meeting, commitments });
  };

  const fields = (input: MeetingInput) => ({
    groupDocumentId: input.groupDocumentId ?? null,
    consultationDocumentId: input.consultationDocumentId ?? null,
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt ?? null,
    place: input.place ?? null,
    onlineLink: input.onlineLink ?? null,
    accessibility: input.accessibility,
    agenda: input.agenda ? sanitisePostHtml(input.agenda) : null,
    capacity: input.capacity ?? null,
    status: input.status,
    language: input.language ?? null,
  });

  return {
    requireMeeting,

    async find({ page, pageSize, ...filters }: { municipality?: string; group?: string; consultation?: string } & PageRequest) {
      const where = givenFilters(filters, { municipality: 'municipalityCode', group: 'groupDocumentId', consultation: 'consultationDocumentId' });
      const { results, pagination } = await meetings().findPage({ where, orderBy: { startsAt: 'desc' }, page, pageSize });
      return { data: await Promise.all(results.map(toMeeting)), meta: { pagination } };
    },

    async findOne(documentId: string) {
      const row = await requireMeeting(documentId);
      return { ...(await toMeeting(row)), commitments: await getService(strapi, 'commitment').ofMeeting(documentId) };
    },

    async create(municipalityCode: string, input: MeetingInput, userId: number) {
      await requireOwners(municipalityCode, input);
      const created = await strapi.documents(UID.meeting).create({ data: { municipalityCode, ...fields(input), createdByUserId: userId } });
      const meeting = await toMeeting(await requireMeeting(created.documentId));
      await announce('meeting.scheduled', meeting);
      return meeting;
    },

    /** Rescheduling or cancelling; once the minutes are out the meeting is history and stays as it was. */
    async update(municipalityCode: string, documentId: string, input: MeetingInput) {
      const current = await requireMeeting(documentId, municipalityCode);
      if (current.status === 'held') throw conflict('The meeting has been held and its minutes published: it can no longer change.');
      await requireOwners(municipalityCode, input);
      await strapi.documents(UID.meeting).update({ documentId, data: fields(input) as UpdateData<typeof UID.meeting> });
      const meeting = await toMeeting(await requireMeeting(documentId));
      await announce('meeting.scheduled', meeting);
      return meeting;
    },

    async register(documentId: string, userId: number, accessibilityNeeds: string | undefined) {
      const meeting = await requireMeeting(documentId);
      const existing = await registrations().findOne({ where: { meetingDocumentId: documentId, userId } });
      if (meeting.status !== 'scheduled') throw conflict(`The meeting is ${meeting.status}: registration is closed.`);
      if (existing) return { registered: true };
      if (meeting.capacity && (await registrations().count({ where: { meetingDocumentId: documentId } })) >= meeting.capacity) {
        throw conflict('The meeting is full.');
      }
      await registrations().create({ data: { meetingDocumentId: documentId, userId, accessibilityNeeds: accessibilityNeeds ?? null } });
      return { registered: true };
    },

    /** Whether this person is registered: their own registration page asks, never their stated needs. */
    async isRegistered(documentId: string, userId: number) {
      return (await registrations().count({ where: { meetingDocumentId: documentId, userId } })) > 0;
    },

    /** Withdrawing a registration that does not exist is no mistake: the answer is the same. */
    async unregister(documentId: string, userId: number) {
      await requireMeeting(documentId);
      const existing = await registrations().findOne({ where: { meetingDocumentId: documentId, userId } });
      if (existing) await registrations().delete({ where: { id: existing.id } });
      return { registered: false };
    },

    /** For the organisers (staff and facilitators of the municipality): who registered, with their stated needs. */
    async listRegistrations(municipalityCode: string, documentId: string, page: PageRequest): Promise<ListMeetingRegistrations> {
      await requireMeeting(documentId, municipalityCode);
      const { results: rows, pagination } = await registrations().findPage({ where: { meetingDocumentId: documentId }, orderBy: { id: 'asc' }, ...page });
      const userIds = rows.map((row: MeetingRegistrationRow) => row.userId);
      const users = userIds.length ? await strapi.db.query(UID.user).findMany({ where: { id: { $in: userIds } }, select: ['id', 'username'] }) : [];
      const usernames = new Map(users.map((user: { id: number; username: string }) => [user.id, user.username]));
      return {
        data: rows.map((row: MeetingRegistrationRow) => ({ username: usernames.get(row.userId) ?? '', accessibilityNeeds: row.accessibilityNeeds ?? null, registeredAt: iso(row.createdAt)! })),
        meta: { pagination },
      };
    },

    /** From the sign-in sheet: accounts once each; paper lines as they come, with demographics only if consented. */
    async recordAttendance(municipalityCode: string, documentId: string, lines: AttendanceLine[], recordedById: number) {
      const attendees = lines.map(toAttendee);
      const meeting = await requireMeeting(documentId, municipalityCode);
      if (meeting.status === 'cancelled') throw conflict('The meeting was cancelled.');
      // Its minutes closed the attendance, and its statistics with them.
      if (meetingIsClosed(meeting.status)) throw conflict('The meeting has been held and its minutes published: attendance is closed.');
      requireStarted(meeting, 'attendance is recorded');
      const userIds = attendees.flatMap((attendee) => ('userId' in attendee ? [attendee.userId] : []));
      const known = userIds.length ? await strapi.db.query(UID.user).findMany({ where: { id: { $in: userIds } }, select: ['id'] }) : [];
      const unknown = userIds.filter((id) => !known.some((user: { id: number }) => user.id === id));
      if (unknown.length) throw fieldError('data.attendees', `no account ${unknown.join(', ')}`);
      const already = new Set(
        (await attendances().findMany({ where: { meetingDocumentId: documentId, userId: { $in: userIds } }, select: ['userId'] })).map((row: Pick<MeetingAttendanceRow, 'userId'>) => row.userId)
      );
      // A paper line counts once: the same reference twice (in this sheet or an earlier one) is a mistake to fix.
      const references = attendees.flatMap((attendee) => ('offlineReference' in attendee ? [attendee.offlineReference] : []));
      const repeated = references.filter((reference, index) => references.indexOf(reference) !== index);
      const entered = references.length
        ? (await attendances().findMany({ where: { meetingDocumentId: documentId, offlineReference: { $in: references } }, select: ['offlineReference'] })).map((row: Pick<MeetingAttendanceRow, 'offlineReference'>) => row.offlineReference)
        : [];
      const twice = [...new Set([...repeated, ...entered])];
      if (twice.length) throw conflict(`Paper attendance ${twice.map((reference) => `"${reference}"`).join(', ')} is already recorded for this meeting.`);
      const fresh = attendees.filter((attendee) => !('userId' in attendee) || !already.has(attendee.userId));
      const unique = fresh.filter((attendee, index) => !('userId' in attendee) || fresh.findIndex((other) => 'userId' in other && other.userId === attendee.userId) === index);
      try {
        await strapi.db.transaction(async () => {
          for (const attendee of unique) {
            await attendances().create({
              data: {
                meetingDocumentId: documentId,
                userId: 'userId' in attendee ? attendee.userId : null,
                offlineReference: 'offlineReference' in attendee ? attendee.offlineReference : null,
                demographics: 'offlineReference' in attendee ? (attendee.demographics ?? null) : null,
                ...('consent' in attendee && attendee.consent ? consentColumns(attendee.consent, new Date()) : {}),
                recordedById,
              },
            });
          }
        });
      } catch (error) {
        // Two sheets entered at once naming the same person or line: the unique indexes keep one; the whole sheet is refused.
        if (isUniqueViolation(error)) throw conflict('Someone on this sheet was recorded for this meeting meanwhile: nothing of the sheet was recorded, enter it again.');
        throw error;
      }
      return { recorded: unique.length, attended: await attendances().count({ where: { meetingDocumentId: documentId } }) };
    },

    /** Minutes and the commitments they record are published together, once. */
    async publishMinutes(municipalityCode: string, documentId: string, input: { minutes: string; commitments: NonNullable<MinutesInput['commitments']> }) {
      const row = await requireMeeting(documentId, municipalityCode);
      if (row.minutesPublishedAt) throw conflict('The minutes of this meeting are already published.');
      if (row.status === 'cancelled') throw conflict('The meeting was cancelled.');
      requireStarted(row, 'minutes are published');
      if (input.commitments.length && !row.groupDocumentId) {
        throw fieldError('data.commitments', 'only dialogue group meetings keep a commitments register');
      }
      const commitments = await strapi.db.transaction(async ({ trx }) => {
        await meetings().update({ where: { id: row.id }, data: { minutes: sanitisePostHtml(input.minutes), minutesPublishedAt: new Date(), status: 'held' } });
        await getService(strapi, 'statistics').freezeMeeting(documentId, trx);
        return getService(strapi, 'commitment').recordFromMinutes({ documentId, groupDocumentId: row.groupDocumentId, municipalityCode }, input.commitments);
      });
      const meeting = await toMeeting(await requireMeeting(documentId));
      await announce('meeting.minutes-published', meeting, commitments);
      return { ...meeting, commitments };
    },

    /** Whose demographics count for the meeting's statistics: accounts' profiles, paper lines' own. */
    async attendeeDeclarations(documentId: string): Promise<{ onDate: string; rows: Array<{ userId: number | null; declaration: DemographicDeclaration | null }> }> {
      const meeting = await requireMeeting(documentId);
      const rows = await attendances().findMany({ where: { meetingDocumentId: documentId }, select: ['userId', 'demographics'] });
      return { onDate: iso(meeting.startsAt)!.slice(0, 10), rows: rows.map((row: Pick<MeetingAttendanceRow, 'userId' | 'demographics'>) => ({ userId: row.userId ?? null, declaration: readJson<DemographicDeclaration | null>(row.demographics) ?? null })) };
    },
  };
};
