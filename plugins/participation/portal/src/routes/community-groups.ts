import { createElement } from 'react';
import { z } from 'zod';
import { getService } from '../../../server/src/utils/get-service';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { meetingRoutes } from '../../../server/src/routes/content-api/meetings';
import type { MeetingWithCommitments } from '../../../shared/contracts/dialogue-groups';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import { DialogueGroupsPage } from '../pages/DialogueGroupsPage';
import { DialogueGroupPage } from '../pages/DialogueGroupPage';
import { MeetingPage, type RegistrationState } from '../pages/MeetingPage';
import { consultationPortalRoutes } from './consultation-pages';

/** A register or a group's meetings longer than this is paged (the API's own largest page). */
const PAGE_SIZE = 100;
const pageOf = (query: FormValues) => z.coerce.number().int().min(1).max(10_000).catch(1).parse(text(query, 'page') || 1);

const groupParams = z.object({ groupId: documentIdSchema });
const meetingParams = z.object({ meetingId: documentIdSchema });

/** The confirmations a meeting page shows after registering or withdrawing redirected to it. */
const MEETING_NOTICES = ['registered', 'unregistered'] as const;

/** Proposals that recommendations became, by id, for their titles. */
const proposalsNamed = async (context: PortalContext, documentIds: string[]) => {
  const proposals = getService(context.strapi, 'proposal');
  const found = await Promise.all([...new Set(documentIds)].map((documentId) => proposals.findOne(documentId)));
  return Object.fromEntries(found.map((proposal) => [proposal.documentId, proposal.title]));
};

/** Where the signed-in person stands with the meeting: never their stated needs, which are the organisers' to read. */
const registrationState = async (context: PortalContext, meeting: MeetingWithCommitments['data']): Promise<RegistrationState> => {
  if (meeting.status !== 'scheduled') return 'closed';
  if (!context.user) return 'signed-out';
  if (await getService(context.strapi, 'meeting').isRegistered(meeting.documentId, context.user.id)) return 'registered';
  return meeting.capacity !== null && meeting.registered >= meeting.capacity ? 'full' : 'open';
};

const meetingPage = async (context: PortalContext, meetingId: string, options: { done?: (typeof MEETING_NOTICES)[number]; needs?: string; errors?: FieldErrors; status?: number } = {}) => {
  const meeting = await getService(context.strapi, 'meeting').findOne(meetingId);
  const [municipality, group, consultation, registration] = await Promise.all([
    getService(context.strapi, 'municipality').getByCode(meeting.municipalityCode),
    meeting.groupDocumentId ? getService(context.strapi, 'dialogue-group').findOne(meeting.groupDocumentId) : null,
    meeting.consultationDocumentId ? getService(context.strapi, 'consultation').findOne(meeting.consultationDocumentId) : null,
    registrationState(context, meeting),
  ]);
  const minimumCellSize = context.strapi.plugin('participation').config('statistics.minimumCellSize') as number;
  return {
    title: meeting.title,
    status: options.status ?? 200,
    body: createElement(MeetingPage, {
      meeting,
      municipality,
      group: group && { documentId: group.documentId, name: group.name, language: group.language },
      consultation: consultation && { documentId: consultation.documentId, topic: consultation.topic, language: consultation.language },
      registration,
      minimumCellSize,
      done: options.done,
      needs: options.needs,
      errors: options.errors ?? {},
    }),
  };
};

const groupAndMeetingRoutes = [
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/dialogue-groups',
    actions: ['municipality.findOne', 'dialogue-group.find'],
    params: z.object({ municipalityCode: municipalityCodeParam }),
    handle: async ({ params, query, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const page = pageOf(query);
      const groups = await getService(context.strapi, 'dialogue-group').find({ municipality: municipality.code, page, pageSize: PAGE_SIZE });
      return {
        title: context.i18n.t('groups.title', { municipality: municipality.name }),
        body: createElement(DialogueGroupsPage, { municipality, groups: groups.data, page, pageCount: groups.meta.pagination.pageCount }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/dialogue-groups/:groupId',
    actions: ['dialogue-group.findOne', 'meeting.find', 'dialogue-group.findCommitments', 'proposal.findOne'],
    params: groupParams,
    handle: async ({ params, query, context }) => {
      const group = await getService(context.strapi, 'dialogue-group').findOne(params.groupId);
      const page = pageOf(query);
      const [municipality, meetings, register] = await Promise.all([
        getService(context.strapi, 'municipality').getByCode(group.municipalityCode),
        getService(context.strapi, 'meeting').find({ group: group.documentId, page: 1, pageSize: PAGE_SIZE }),
        getService(context.strapi, 'commitment').find(group.documentId, { page, pageSize: PAGE_SIZE }),
      ]);
      const proposalTitles = await proposalsNamed(context, register.data.flatMap((entry) => (entry.proposalDocumentId ? [entry.proposalDocumentId] : [])));
      return {
        title: group.name,
        body: createElement(DialogueGroupPage, {
          group,
          municipality,
          meetings: meetings.data,
          commitments: register.data,
          proposalTitles,
          page,
          pageCount: register.meta.pagination.pageCount,
        }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/meetings/:meetingId',
    actions: ['meeting.findOne', 'dialogue-group.findOne', 'consultation.findOne'],
    params: meetingParams,
    handle: async ({ params, query, context }) => meetingPage(context, params.meetingId, { done: MEETING_NOTICES.find((notice) => notice === query.done) }),
  }),
  portalRoute({
    method: 'POST',
    path: '/meetings/:meetingId/registration',
    actions: ['meeting.findOne', 'meeting.register'],
    params: meetingParams,
    handle: async ({ params, form, context }) => {
      const needs = text(form, 'accessibilityNeeds');
      // The API's own body: what it refuses, the page refuses, beside the field.
      const parsed = meetingRoutes.register.body.safeParse({ data: needs.trim() ? { accessibilityNeeds: needs } : {} });
      if (!parsed.success) return meetingPage(context, params.meetingId, { needs, errors: { accessibilityNeeds: 'meeting.error.accessibilityNeeds' }, status: 400 });
      await getService(context.strapi, 'meeting').register(params.meetingId, context.user!.id, parsed.data.data.accessibilityNeeds);
      return { redirect: context.href(`/meetings/${params.meetingId}?done=registered`) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/meetings/:meetingId/registration/withdraw',
    actions: ['meeting.findOne', 'meeting.unregister'],
    params: meetingParams,
    handle: async ({ params, context }) => {
      await getService(context.strapi, 'meeting').unregister(params.meetingId, context.user!.id);
      return { redirect: context.href(`/meetings/${params.meetingId}?done=unregistered`) };
    },
  }),
];

/** Dialogue groups, meetings and consultations: the community pages other than forums (issue #14). */
export const communityGroupRoutes = [...groupAndMeetingRoutes, ...consultationPortalRoutes];
