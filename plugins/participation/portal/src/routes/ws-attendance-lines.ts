import { createElement } from 'react';
import { attendanceBody } from '../../../server/src/routes/content-api/validation/meetings';
import { getService } from '../../../server/src/utils/get-service';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, type FormValues, type PortalContext, type PortalPage } from '../http/portal-route';
import { consentFieldOf, fieldErrorsFor } from '../workspace/form-errors';
import { doneOf, field, given, isConflict, municipalityOf, recordParams } from '../workspace/community-scope';
import { answersDemographics, declarationFrom, demographicsValuesOf } from '../community/demographic-answers';
import type { MeetingWithItsCommitments } from '../pages/WsMeetingPage';
import { WsAttendanceLinePage, type AttendanceLineValues } from '../pages/WsAttendanceLinePage';
import { conflictPage, loadMeeting, meetingPath, meetingStep, takingRecords, trailOf } from './ws-meetings';

/*
 * One line of a meeting's paper sign-in sheet with what the person said about themselves (#14's attendance
 * statistics, #16's programme figures): the meeting page's sheet box takes bare lines; this page takes one
 * line at a time with its demographics and the consent to keep them.
 */

const LINE_MESSAGES = {
  offlineReference: 'wsGroups.error.lineReference',
  consentGiven: 'wsGroups.error.lineConsent',
  consentMethod: 'wsConsultations.error.consentMethod',
  consentNote: 'wsConsultations.error.consentNote',
} as const satisfies Record<string, MessageKey>;

const DONE: Record<string, MessageKey> = { line: 'wsGroups.done.line' };

const emptyLine = (): AttendanceLineValues => ({ consentGiven: false, demographics: {} });

const lineValues = (form: FormValues): AttendanceLineValues => ({
  offlineReference: field(form, 'offlineReference'),
  consentGiven: field(form, 'consentGiven') === 'yes',
  consentMethod: field(form, 'consentMethod'),
  consentNote: field(form, 'consentNote'),
  demographics: demographicsValuesOf(form),
});

/** A zod issue of the one attendee (`attendees.0.…`) as the form's field. */
const lineField = (path: PropertyKey[]) => (path[2] === 'consent' ? consentFieldOf(path[3]) : path[2]);

const linePage = async (
  context: PortalContext,
  municipality: Municipality,
  meeting: MeetingWithItsCommitments,
  values: AttendanceLineValues,
  errors: FieldErrors,
  done: MessageKey | null,
  status = 200
): Promise<PortalPage> => ({
  title: context.i18n.t('wsGroups.lineTitle', { title: meeting.title }),
  status,
  noStore: true,
  body: createElement(WsAttendanceLinePage, {
    municipality,
    meeting,
    trail: [...(await trailOf(context, municipality, meeting)), meetingStep(municipality, meeting)],
    values,
    errors,
    done,
    minimumGroup: context.strapi.plugin('participation').config('statistics.minimumCellSize') as number,
  }),
});

export const wsAttendanceLineRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/meetings/:id/attendance/line',
    actions: ['meeting.recordAttendance'],
    params: recordParams,
    handle: async ({ params, query, context }) => {
      const meeting = await loadMeeting(context, params);
      if (!takingRecords(meeting)) return conflictPage(context);
      return linePage(context, await municipalityOf(context, params.municipalityCode), meeting, emptyLine(), {}, doneOf(query, DONE));
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/meetings/:id/attendance/line',
    actions: ['meeting.recordAttendance'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const meeting = await loadMeeting(context, params);
      if (!takingRecords(meeting)) return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = lineValues(form);
      // Answers about the person are kept only with their consent to that, and how they gave it; the tick
      // is checked with the answers, the way they agreed by the API's schema.
      const answered = answersDemographics(values.demographics);
      const declared = answered
        ? declarationFrom(values.demographics, { given: values.consentGiven, field: 'consentGiven', message: 'wsGroups.error.lineConsent' })
        : { declaration: undefined, fieldErrors: {} };
      const line = given({
        offlineReference: values.offlineReference,
        demographics: declared.declaration,
        consent: answered ? { given: true, ...given({ method: values.consentMethod, note: values.consentNote }) } : undefined,
      });
      const parsed = attendanceBody.shape.data.safeParse({ attendees: [line] });
      if (!parsed.success || Object.keys(declared.fieldErrors).length > 0) {
        const refused = parsed.success ? {} : fieldErrorsFor(LINE_MESSAGES, parsed.error.issues.map((issue) => lineField(issue.path)));
        // In the form's order: the line, the answers and the tick, then how they agreed.
        const errors = { ...fieldErrorsFor(LINE_MESSAGES, refused.offlineReference ? ['offlineReference'] : []), ...declared.fieldErrors, ...refused };
        return linePage(context, municipality, meeting, values, errors, null, 400);
      }
      try {
        await getService(context.strapi, 'meeting').recordAttendance(municipality.code, meeting.documentId, parsed.data.attendees, context.user!.id);
      } catch (error) {
        // The same line twice is the same person counted twice: said beside the line, nothing written.
        if (isConflict(error)) return linePage(context, municipality, meeting, values, { offlineReference: 'wsGroups.error.lineReferenceTaken' }, null, 409);
        throw error;
      }
      return { redirect: context.href(`${meetingPath(municipality.code, meeting.documentId)}/attendance/line?done=line`) };
    },
  }),
];
