import { z } from 'zod';
import {
  attendanceAnswerSchema,
  meetingAnswerSchema,
  meetingListSchema,
  meetingRegistrationListSchema,
  meetingWithCommitmentsAnswerSchema,
  registrationAnswerSchema,
} from '../../../../shared/contracts/dialogue-groups';
import { declareRoute } from './declare-route';
import { documentIdSchema, pageQuery, plainText } from './validation/common';
import { attendanceBody, meetingBody, minutesBody } from './validation/meetings';

export const meetingRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/meetings',
    action: 'meeting.find',
    summary: 'List meetings, latest first, of a municipality, a dialogue group or a consultation',
    query: z.object({
      municipality: z.string().min(1).max(32).optional(),
      group: documentIdSchema.optional(),
      consultation: documentIdSchema.optional(),
      ...pageQuery,
    }),
    response: meetingListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/meetings/:meetingId',
    action: 'meeting.findOne',
    summary: 'One meeting, with the commitments its minutes recorded',
    response: meetingWithCommitmentsAnswerSchema,
  }),
  create: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/meetings',
    action: 'meeting.create',
    summary: 'Schedule a meeting of a dialogue group or a consultation',
    body: meetingBody,
    response: meetingAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  update: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/meetings/:meetingId',
    action: 'meeting.update',
    summary: 'Reschedule or cancel a meeting whose minutes are not out',
    body: meetingBody,
    response: meetingAnswerSchema,
    limitBody: true,
  }),
  register: declareRoute({
    method: 'PUT',
    path: '/meetings/:meetingId/registration',
    action: 'meeting.register',
    summary: 'Register for a scheduled meeting, stating any accessibility needs (registering again changes nothing)',
    body: z.object({ data: z.object({ accessibilityNeeds: plainText(500).optional() }).strict().default({}) }).strict(),
    response: registrationAnswerSchema,
    limitBody: true,
  }),
  unregister: declareRoute({
    method: 'DELETE',
    path: '/meetings/:meetingId/registration',
    action: 'meeting.unregister',
    summary: 'Withdraw one’s registration for a meeting (if any)',
    response: registrationAnswerSchema,
  }),
  findRegistrations: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/meetings/:meetingId/registrations',
    action: 'meeting.findRegistrations',
    summary: 'Who registered for a meeting, with the accessibility needs they stated',
    query: z.object(pageQuery),
    response: meetingRegistrationListSchema,
  }),
  recordAttendance: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/meetings/:meetingId/attendance',
    action: 'meeting.recordAttendance',
    summary: 'Enter a sign-in sheet of a meeting that has started: accounts and paper lines',
    body: attendanceBody,
    response: attendanceAnswerSchema,
    limitBody: true,
  }),
  publishMinutes: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/meetings/:meetingId/minutes',
    action: 'meeting.publishMinutes',
    summary: 'Publish the minutes of a meeting and the commitments they record, closing its attendance',
    body: minutesBody,
    response: meetingWithCommitmentsAnswerSchema,
    status: 201,
    limitBody: true,
  }),
};
