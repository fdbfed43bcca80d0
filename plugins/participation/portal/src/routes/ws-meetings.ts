import { createElement } from 'react';
import type { z } from 'zod';
import { attendanceBody, meetingBody, minutesBody } from '../../../server/src/routes/content-api/validation/meetings';
import { UID } from '../../../server/src/constants/uids';
import { getService } from '../../../server/src/utils/get-service';
import { decideAccess } from '../../../server/src/domain/access/rules';
import type { DialogueGroup, Meeting } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { FieldErrors } from '../components/ErrorSummary';
import { Message } from '../components/Message';
import { userText, writtenIn } from '../components/UserText';
import type { TrailStep } from '../components/WorkspaceTrail';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, type FormValues, type PortalContext, type PortalPage } from '../http/portal-route';
import { fieldErrorsFor } from '../workspace/form-errors';
import { requireInMunicipality } from '../workspace/scoped-record';
import { doneOf, field, fieldList, given, isConflict, municipalityOf, recordParams, zoneOf, type RecordParams } from '../workspace/community-scope';
import { refusedPaths } from '../workspace/form-errors';
import { localInstant, wallClock } from '../community/local-time';
import { paragraphsAsText, plainParagraphs } from '../community/plain-paragraphs';
import { meetingTime } from '../community/meeting-time';
import { ProblemPage } from '../pages/ProblemPage';
import { WsMeetingFormPage, type MeetingFormValues } from '../pages/WsMeetingFormPage';
import { WsMeetingPage, COMMITMENT_SLOTS, type MeetingWithItsCommitments, type AttendanceFormValues, type MinutesFormValues } from '../pages/WsMeetingPage';
import { WsConfirmPage } from '../pages/WsConfirmPage';
import { loadGroup } from './ws-dialogue-groups';
import { consultationTrail, loadConsultation, takesMeetings } from './ws-consultations';

const DONE: Record<string, MessageKey> = {
  scheduled: 'wsGroups.done.scheduled',
  rescheduled: 'wsGroups.done.rescheduled',
  cancelled: 'wsGroups.done.cancelled',
  attendance: 'wsGroups.done.attendance',
  minutes: 'wsGroups.done.minutes',
};

const MEETING_MESSAGES = {
  title: 'wsGroups.error.meetingTitle',
  date: 'wsGroups.error.date',
  startTime: 'wsGroups.error.startTime',
  endTime: 'wsGroups.error.endTime',
  place: 'wsGroups.error.place',
  onlineLink: 'wsGroups.error.onlineLink',
  accessibility: 'wsGroups.error.accessibility',
  agenda: 'wsGroups.error.agenda',
  capacity: 'wsGroups.error.capacity',
} as const satisfies Record<string, MessageKey>;

export const meetingPath = (code: string, id: string) => `/workspace/${code}/meetings/${id}`;

/** The meeting of the path, in the path's municipality (else 404). */
export const loadMeeting = async (context: PortalContext, params: RecordParams) => {
  const meeting = await getService(context.strapi, 'meeting').findOne(params.id).catch(() => null);
  return requireInMunicipality(meeting, meeting?.municipalityCode, params.municipalityCode);
};

// --- Scheduling ---------------------------------------------------------------------------------------

const meetingValues = (form: FormValues): MeetingFormValues => ({
  title: field(form, 'title'),
  date: field(form, 'date'),
  startTime: field(form, 'startTime'),
  endTime: field(form, 'endTime'),
  place: field(form, 'place'),
  onlineLink: field(form, 'onlineLink'),
  accessibility: fieldList(form, 'accessibility'),
  agenda: typeof form.agenda === 'string' ? form.agenda : '',
  capacity: field(form, 'capacity'),
});

/** What a meeting belongs to: a dialogue group or a consultation. */
type MeetingOwner = { groupDocumentId?: string; consultationDocumentId?: string };

const ownerOf = (meeting: Meeting): MeetingOwner => given({ groupDocumentId: meeting.groupDocumentId ?? undefined, consultationDocumentId: meeting.consultationDocumentId ?? undefined });

/** The meeting as its form filled in: the times on the municipality's clock, the agenda as lines. */
const storedMeetingValues = (meeting: Meeting, municipality: Municipality): MeetingFormValues => {
  const zone = zoneOf(municipality);
  const starts = wallClock(meeting.startsAt, zone);
  return {
    title: meeting.title,
    date: starts.date,
    startTime: starts.time,
    endTime: meeting.endsAt ? wallClock(meeting.endsAt, zone).time : '',
    place: meeting.place ?? '',
    onlineLink: meeting.onlineLink ?? '',
    accessibility: meeting.accessibility,
    agenda: meeting.agenda ? paragraphsAsText(meeting.agenda) : '',
    capacity: meeting.capacity === null ? '' : String(meeting.capacity),
  };
};

/** The meeting as stored, as the API's body: what cancelling sends with the new status. */
const storedMeetingBody = (meeting: Meeting) =>
  given({
    ...ownerOf(meeting),
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt ?? undefined,
    place: meeting.place ?? undefined,
    onlineLink: meeting.onlineLink ?? undefined,
    accessibility: meeting.accessibility,
    agenda: meeting.agenda ?? undefined,
    capacity: meeting.capacity ?? undefined,
  });

/**
 * The agenda typed in the box as the API stores it. The box shows a stored agenda without its formatting
 * (lists, emphasis): when its lines come back unchanged, the stored agenda is kept as it was.
 */
const agendaOf = (typed: string | undefined, stored?: string | null) => {
  if (!typed?.trim()) return undefined;
  const paragraphs = plainParagraphs(typed);
  return stored && paragraphsAsText(stored) === paragraphsAsText(paragraphs) ? stored : paragraphs;
};

/**
 * The form as the API's body, with the errors only the form can make: a day or time that is not one.
 * The times are on the municipality's clock, where the meeting takes place. `storedAgenda` is the agenda
 * of the meeting being changed.
 */
const meetingCandidate = (owner: MeetingOwner, municipality: Municipality, values: MeetingFormValues, storedAgenda?: string | null) => {
  const errors: FieldErrors = {};
  const zone = zoneOf(municipality);
  const startsAt = localInstant(values.date ?? '', values.startTime ?? '', zone);
  // A day that is not one (31 February) is the day's error, not the time's.
  if (!localInstant(values.date ?? '', '00:00', zone)) errors.date = MEETING_MESSAGES.date;
  else if (!startsAt) errors.startTime = MEETING_MESSAGES.startTime;
  const endsAt = values.endTime ? localInstant(values.date ?? '', values.endTime, zone) : undefined;
  if (endsAt === null && !errors.date) errors.endTime = MEETING_MESSAGES.endTime;
  // zod skips the schema's cross-field rules while a field fails; the page lists every problem at once.
  if (!values.place && !values.onlineLink) errors.place = MEETING_MESSAGES.place;
  const candidate = given({
    ...owner,
    title: values.title,
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? undefined,
    place: values.place,
    onlineLink: values.onlineLink,
    accessibility: values.accessibility,
    agenda: agendaOf(values.agenda, storedAgenda),
    capacity: values.capacity ? (/^\d+$/.test(values.capacity) ? Number(values.capacity) : values.capacity) : undefined,
  });
  return { candidate, errors };
};

/** A schema's path as the form's field: the instants are typed as times. */
const meetingField = (path: PropertyKey | undefined) => (path === 'startsAt' ? 'startTime' : path === 'endsAt' ? 'endTime' : path);

/**
 * What the form found and what the API's schema refused, one message a field, in the order the form shows
 * its fields (MEETING_MESSAGES lists them so), so that the error summary reads down the page.
 */
const meetingErrors = (formErrors: FieldErrors, issues: z.ZodIssue[]): FieldErrors => {
  const paths = new Set<PropertyKey | undefined>([...Object.keys(formErrors), ...issues.map((issue) => meetingField(issue.path[0]))]);
  return fieldErrorsFor(MEETING_MESSAGES, Object.keys(MEETING_MESSAGES).filter((field) => paths.has(field)));
};

/** The form to schedule a meeting (posted to `action`), or to reschedule `meeting`. */
const meetingFormPage = (
  context: PortalContext,
  municipality: Municipality,
  form: { trail: TrailStep[]; action: string; meeting?: Meeting },
  values: MeetingFormValues,
  errors: FieldErrors,
  status = 200
): PortalPage => ({
  title: form.meeting ? context.i18n.t('wsGroups.rescheduleTitle', { title: form.meeting.title }) : context.i18n.t('wsGroups.newMeeting'),
  status,
  noStore: true,
  body: createElement(WsMeetingFormPage, { municipality, ...form, values, errors }),
});

/**
 * What meetings are scheduled for: a dialogue group, or a consultation until it closes. `find` reads the
 * path's record (404 in another municipality) and says what a new meeting belongs to and the way back to
 * it, or null when it takes no more meetings (409).
 */
interface MeetingHost {
  segment: 'dialogue-groups' | 'consultations';
  find: (context: PortalContext, params: RecordParams) => Promise<{ owner: MeetingOwner; trail: (municipality: Municipality) => TrailStep[] } | null>;
}

const MEETING_HOSTS: MeetingHost[] = [
  {
    segment: 'dialogue-groups',
    find: async (context, params) => {
      const group = await loadGroup(context, params);
      return { owner: { groupDocumentId: group.documentId }, trail: (municipality) => groupTrail(context, municipality, group) };
    },
  },
  {
    segment: 'consultations',
    find: async (context, params) => {
      const consultation = await loadConsultation(context, params);
      if (!takesMeetings(consultation)) return null;
      return { owner: { consultationDocumentId: consultation.documentId }, trail: (municipality) => consultationTrail(context, municipality, consultation) };
    },
  },
];

/** Where a new meeting of the path's group or consultation is scheduled from. */
const newMeetingForm = (municipality: Municipality, host: MeetingHost, found: { trail: (municipality: Municipality) => TrailStep[] }, id: string) => ({
  trail: found.trail(municipality),
  action: `/workspace/${municipality.code}/${host.segment}/${id}/meetings/new`,
});

/** Where `meeting` is rescheduled: its own trail, ending at the meeting. */
const rescheduleForm = async (context: PortalContext, municipality: Municipality, meeting: MeetingWithItsCommitments) => ({
  trail: [...(await trailOf(context, municipality, meeting)), meetingStep(municipality, meeting)],
  action: `${meetingPath(municipality.code, meeting.documentId)}/edit`,
  meeting,
});

/** A meeting changes (is rescheduled or cancelled) until it is held or cancelled. */
const changeable = (meeting: Meeting) => meeting.status === 'scheduled' && !meeting.minutesPublishedAt;

/** A meeting of the path's municipality that may still be rescheduled or cancelled, with that municipality; null once it may not (the caller answers 409). */
const changeableMeeting = async (context: PortalContext, params: RecordParams) => {
  const meeting = await loadMeeting(context, params);
  return changeable(meeting) ? { meeting, municipality: await municipalityOf(context, params.municipalityCode) } : null;
};

// --- The meeting's page -------------------------------------------------------------------------------

/** The way to a dialogue group's screen. */
const groupTrail = (context: PortalContext, municipality: Municipality, group: DialogueGroup): TrailStep[] => [
  { label: context.i18n.t('wsGroups.title'), path: '/dialogue-groups' },
  { label: userText(group.name, writtenIn(group, municipality)), path: `/dialogue-groups/${group.documentId}` },
];

/** The way to a meeting: its dialogue group's or consultation's screens. */
export const trailOf = async (context: PortalContext, municipality: Municipality, meeting: MeetingWithItsCommitments): Promise<TrailStep[]> =>
  meeting.groupDocumentId
    ? groupTrail(context, municipality, await getService(context.strapi, 'dialogue-group').findOne(meeting.groupDocumentId))
    : consultationTrail(context, municipality, await getService(context.strapi, 'consultation').findOne(meeting.consultationDocumentId!));

/** The meeting itself as the last step of a trail. */
export const meetingStep = (municipality: Municipality, meeting: Meeting): TrailStep => ({ label: meetingTitle(municipality, meeting), path: `/meetings/${meeting.documentId}` });

const meetingTitle = (municipality: Municipality, meeting: Meeting) => userText(meeting.title, writtenIn(meeting, municipality));

/** A confirmation's heading that quotes the meeting's title. */
const titledConfirm = (id: MessageKey, municipality: Municipality, meeting: Meeting) => createElement(Message, { id, values: { title: meetingTitle(municipality, meeting) } });

export const takingRecords = (meeting: MeetingWithItsCommitments) => meeting.status === 'scheduled' && !meeting.minutesPublishedAt && Date.parse(meeting.startsAt) <= Date.now();

const emptyMinutes = (): MinutesFormValues => ({ commitments: [] });

const meetingPage = async (
  context: PortalContext,
  municipality: Municipality,
  meeting: MeetingWithItsCommitments,
  forms: { attendance?: AttendanceFormValues; minutes?: MinutesFormValues; errors?: FieldErrors; done?: MessageKey | null; status?: number } = {}
): Promise<PortalPage> => {
  const [trail, registrations] = await Promise.all([
    trailOf(context, municipality, meeting),
    getService(context.strapi, 'meeting').listRegistrations(municipality.code, meeting.documentId, { page: 1, pageSize: 500 }),
  ]);
  return {
    title: meeting.title,
    status: forms.status ?? 200,
    noStore: true,
    body: createElement(WsMeetingPage, {
      municipality,
      meeting,
      trail,
      registrations,
      state: { takingRecords: takingRecords(meeting), changeable: changeable(meeting) && decideAccess('meeting.update', context.actor, municipality.code).allowed },
      attendance: forms.attendance ?? { usernames: [] },
      minutes: forms.minutes ?? emptyMinutes(),
      errors: forms.errors ?? {},
      done: forms.done ?? null,
    }),
  };
};

export const conflictPage = (context: PortalContext): PortalPage => ({ ...ProblemPage({ status: 409, i18n: context.i18n }), status: 409 });

// --- Minutes ------------------------------------------------------------------------------------------

const minutesValues = (form: FormValues): MinutesFormValues => ({
  minutes: typeof form.minutes === 'string' ? form.minutes : '',
  commitments: Array.from({ length: COMMITMENT_SLOTS }, (_, index) => {
    const slot = index + 1;
    return { kind: field(form, `commitment-${slot}-kind`), text: field(form, `commitment-${slot}-text`), owner: field(form, `commitment-${slot}-owner`), dueDate: field(form, `commitment-${slot}-dueDate`) };
  }),
});

/** The commitment slots filled in, each with its slot so that an error lands beside its own field. */
const filledCommitments = (values: MinutesFormValues) =>
  values.commitments.map((commitment, index) => ({ ...commitment, slot: index + 1 })).filter((commitment) => commitment.text || commitment.owner || commitment.dueDate);

const minutesErrors = (error: z.ZodError, filled: ReturnType<typeof filledCommitments>): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [name, index, part] = issue.path;
    if (name === 'minutes') errors.minutes = 'wsGroups.error.minutes';
    else if (name === 'commitments' && typeof index === 'number') {
      const slot = filled[index]?.slot ?? 1;
      const which = part === 'owner' ? 'owner' : part === 'dueDate' ? 'dueDate' : 'text';
      errors[`commitment-${slot}-${which}`] = `wsGroups.error.commitment.${which}` as MessageKey;
    }
  }
  return errors;
};

/**
 * The meetings of the dialogue groups workspace (#15, item 13): schedule one with its agenda, place or
 * link and accessibility arrangements; read who registered with the needs they stated; record who
 * came; publish the minutes with the commitments they record, after a check.
 */
export const wsMeetingRoutes = [
  ...MEETING_HOSTS.flatMap((host) => [
    portalRoute({
      method: 'GET',
      path: `/workspace/:municipalityCode/${host.segment}/:id/meetings/new`,
      actions: ['meeting.create'],
      params: recordParams,
      handle: async ({ params, context }) => {
        const found = await host.find(context, params);
        if (!found) return conflictPage(context);
        const municipality = await municipalityOf(context, params.municipalityCode);
        return meetingFormPage(context, municipality, newMeetingForm(municipality, host, found, params.id), { accessibility: [] }, {});
      },
    }),
    portalRoute({
      method: 'POST',
      path: `/workspace/:municipalityCode/${host.segment}/:id/meetings/new`,
      actions: ['meeting.create'],
      params: recordParams,
      handle: async ({ params, form, context }) => {
        const found = await host.find(context, params);
        if (!found) return conflictPage(context);
        const municipality = await municipalityOf(context, params.municipalityCode);
        const values = meetingValues(form);
        const screen = newMeetingForm(municipality, host, found, params.id);
        const { candidate, errors } = meetingCandidate(found.owner, municipality, values);
        const parsed = meetingBody.shape.data.safeParse(candidate);
        const fieldErrors = meetingErrors(errors, parsed.success ? [] : parsed.error.issues);
        if (!parsed.success || Object.keys(fieldErrors).length > 0) return meetingFormPage(context, municipality, screen, values, fieldErrors, 400);
        try {
          const meeting = await getService(context.strapi, 'meeting').create(municipality.code, parsed.data, context.user!.id);
          return { redirect: context.href(`${meetingPath(municipality.code, meeting.documentId)}?done=scheduled`) };
        } catch (error) {
          const fields = refusedPaths(error);
          if (!fields) throw error;
          return meetingFormPage(context, municipality, screen, values, fieldErrorsFor(MEETING_MESSAGES, fields.map(meetingField)), 400);
        }
      },
    }),
  ]),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/meetings/:id',
    actions: ['meeting.findRegistrations'],
    params: recordParams,
    handle: async ({ params, query, context }) => {
      const meeting = await loadMeeting(context, params);
      return meetingPage(context, await municipalityOf(context, params.municipalityCode), meeting, { done: doneOf(query, DONE) });
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/meetings/:id/edit',
    actions: ['meeting.update'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const changing = await changeableMeeting(context, params);
      if (!changing) return conflictPage(context);
      const { meeting, municipality } = changing;
      return meetingFormPage(context, municipality, await rescheduleForm(context, municipality, meeting), storedMeetingValues(meeting, municipality), {});
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/meetings/:id/edit',
    actions: ['meeting.update'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const changing = await changeableMeeting(context, params);
      if (!changing) return conflictPage(context);
      const { meeting, municipality } = changing;
      const screen = await rescheduleForm(context, municipality, meeting);
      const values = meetingValues(form);
      const { candidate, errors } = meetingCandidate(ownerOf(meeting), municipality, values, meeting.agenda);
      const parsed = meetingBody.shape.data.safeParse(candidate);
      const found = meetingErrors(errors, parsed.success ? [] : parsed.error.issues);
      if (!parsed.success || Object.keys(found).length > 0) return meetingFormPage(context, municipality, screen, values, found, 400);
      try {
        // The service tells those registered that the meeting changed.
        await getService(context.strapi, 'meeting').update(municipality.code, meeting.documentId, parsed.data);
      } catch (error) {
        // Its minutes came out meanwhile: a held meeting no longer changes.
        if (isConflict(error)) return conflictPage(context);
        const fields = refusedPaths(error);
        if (!fields) throw error;
        return meetingFormPage(context, municipality, screen, values, fieldErrorsFor(MEETING_MESSAGES, fields.map(meetingField)), 400);
      }
      return { redirect: context.href(`${meetingPath(municipality.code, meeting.documentId)}?done=rescheduled`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/meetings/:id/cancel',
    actions: ['meeting.update'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const changing = await changeableMeeting(context, params);
      if (!changing) return conflictPage(context);
      const { meeting, municipality } = changing;
      const { t } = context.i18n;
      const address = context.href(meetingPath(municipality.code, meeting.documentId));
      return {
        title: t('wsGroups.cancelTitle', { title: meeting.title }),
        noStore: true,
        body: createElement(WsConfirmPage, {
          municipality,
          trail: [...(await trailOf(context, municipality, meeting)), meetingStep(municipality, meeting)],
          title: titledConfirm('wsGroups.cancelTitle', municipality, meeting),
          rows: [
            { label: t('meeting.when'), value: meetingTime(context.lang, municipality.country, meeting.startsAt, meeting.endsAt) },
            { label: t('wsGroups.registered'), value: context.i18n.number(meeting.registered) },
          ],
          warning: t('wsGroups.cancelWarning'),
          action: `${address}/cancel`,
          submitLabel: t('wsGroups.cancelConfirm'),
          backHref: address,
          backLabel: t('wsConsultations.back'),
        }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/meetings/:id/cancel',
    actions: ['meeting.update'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const meeting = await loadMeeting(context, params);
      if (!changeable(meeting)) return conflictPage(context);
      // The meeting as it stands, cancelled: the API's body checked like any other, registrants told.
      const body = meetingBody.shape.data.parse({ ...storedMeetingBody(meeting), status: 'cancelled' });
      try {
        await getService(context.strapi, 'meeting').update(params.municipalityCode, meeting.documentId, body);
      } catch (error) {
        if (isConflict(error)) return conflictPage(context);
        throw error;
      }
      return { redirect: context.href(`${meetingPath(params.municipalityCode, meeting.documentId)}?done=cancelled`) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/meetings/:id/attendance',
    actions: ['meeting.findRegistrations', 'meeting.recordAttendance'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const meeting = await loadMeeting(context, params);
      if (!takingRecords(meeting)) return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values: AttendanceFormValues = { usernames: fieldList(form, 'usernames'), paperLines: typeof form.paperLines === 'string' ? form.paperLines : '' };
      // Ticked registrants are accounts: only those registered for this meeting can be ticked.
      const registered = await getService(context.strapi, 'meeting').listRegistrations(municipality.code, meeting.documentId, { page: 1, pageSize: 500 });
      const ticked = values.usernames.filter((username) => registered.data.some((registration) => registration.username === username));
      const accounts = ticked.length ? await context.strapi.db.query(UID.user).findMany({ where: { username: { $in: ticked } }, select: ['id'] }) : [];
      const lines = (values.paperLines ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      const parsed = attendanceBody.shape.data.safeParse({
        attendees: [...accounts.map((account: { id: number }) => ({ userId: account.id })), ...lines.map((offlineReference) => ({ offlineReference }))],
      });
      if (!parsed.success) {
        const errors: FieldErrors = lines.length || ticked.length ? { paperLines: 'wsGroups.error.paperLines' } : { paperLines: 'wsGroups.error.attendance' };
        return meetingPage(context, municipality, meeting, { attendance: values, errors, status: 400 });
      }
      try {
        await getService(context.strapi, 'meeting').recordAttendance(municipality.code, meeting.documentId, parsed.data.attendees, context.user!.id);
      } catch (error) {
        // A paper line entered before: said beside the lines, nothing of the sheet recorded.
        if (isConflict(error)) return meetingPage(context, municipality, meeting, { attendance: values, errors: { paperLines: 'wsGroups.error.lineTaken' }, status: 409 });
        throw error;
      }
      return { redirect: context.href(`${meetingPath(municipality.code, meeting.documentId)}?done=attendance`) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/meetings/:id/minutes',
    actions: ['meeting.findRegistrations', 'meeting.publishMinutes'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const meeting = await loadMeeting(context, params);
      if (!takingRecords(meeting)) return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = minutesValues(form);
      const filled = meeting.groupDocumentId ? filledCommitments(values) : [];
      const parsed = minutesBody.shape.data.safeParse({
        minutes: values.minutes?.trim() ? plainParagraphs(values.minutes) : '',
        commitments: filled.map((commitment) => given({ kind: commitment.kind, text: commitment.text, owner: commitment.owner, dueDate: commitment.dueDate })),
      });
      if (!parsed.success) return meetingPage(context, municipality, meeting, { minutes: values, errors: minutesErrors(parsed.error, filled), status: 400 });
      const address = context.href(meetingPath(municipality.code, meeting.documentId));
      if (field(form, 'confirmed') !== 'yes') {
        // The minutes close the meeting's attendance and statistics for good: check them first.
        const { t } = context.i18n;
        const hidden: Record<string, string> = { minutes: values.minutes ?? '', confirmed: 'yes' };
        filled.forEach((commitment, index) => {
          for (const part of ['kind', 'text', 'owner', 'dueDate'] as const) hidden[`commitment-${index + 1}-${part}`] = commitment[part];
        });
        return {
          title: t('wsGroups.minutesConfirmTitle', { title: meeting.title }),
          noStore: true,
          body: createElement(WsConfirmPage, {
            municipality,
            trail: await trailOf(context, municipality, meeting),
            title: titledConfirm('wsGroups.minutesConfirmTitle', municipality, meeting),
            rows: [
              { label: t('meeting.minutes'), value: values.minutes ?? '' },
              ...filled.map((commitment) => ({
                label: `${t(`commitment.kind.${commitment.kind || 'commitment'}` as MessageKey)}: ${commitment.owner}`,
                value: commitment.dueDate ? `${commitment.text} (${context.i18n.date(commitment.dueDate)})` : commitment.text,
              })),
            ],
            warning: t('wsGroups.minutesWarning'),
            action: `${address}/minutes`,
            hidden,
            submitLabel: t('wsGroups.minutesConfirm'),
            backHref: address,
            backLabel: t('wsConsultations.back'),
          }),
        };
      }
      try {
        await getService(context.strapi, 'meeting').publishMinutes(municipality.code, meeting.documentId, parsed.data);
      } catch (error) {
        const fields = refusedPaths(error);
        if (!fields) throw error;
        return meetingPage(context, municipality, meeting, { minutes: values, errors: { minutes: 'wsGroups.error.minutes' }, status: 400 });
      }
      return { redirect: `${address}?done=minutes` };
    },
  }),
];
