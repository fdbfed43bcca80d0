import { createElement } from 'react';
import { dialogueGroupBody, memberBody } from '../../../server/src/routes/content-api/validation/dialogue-groups';
import { SEAT_CATEGORIES } from '../../../server/src/domain/dialogue-groups/members';
import { UID } from '../../../server/src/constants/uids';
import { getService } from '../../../server/src/utils/get-service';
import type { DialogueGroup } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, type FormValues, type PortalContext, type PortalPage } from '../http/portal-route';
import { fieldErrorsFor, zodIssuePaths } from '../workspace/form-errors';
import { requireInMunicipality } from '../workspace/scoped-record';
import { communityParams, doneOf, field, given, isConflict, memberParams, municipalityOf, pageOf, recordParams, type RecordParams } from '../workspace/community-scope';
import { refusedPaths } from '../workspace/form-errors';
import { WsDialogueGroupsPage } from '../pages/WsDialogueGroupsPage';
import { WsDialogueGroupFormPage, type GroupFormValues } from '../pages/WsDialogueGroupFormPage';
import { WsDialogueGroupPage, type MemberFormValues } from '../pages/WsDialogueGroupPage';

const DONE: Record<string, MessageKey> = {
  created: 'wsGroups.done.created',
  changed: 'wsGroups.done.changed',
  memberAdded: 'wsGroups.done.memberAdded',
  memberRemoved: 'wsGroups.done.memberRemoved',
};

const GROUP_MESSAGES = {
  name: 'wsGroups.error.name',
  description: 'wsGroups.error.description',
  reservedSeats: 'wsGroups.error.reservedSeats',
} as const satisfies Record<string, MessageKey>;

const MEMBER_MESSAGES = {
  account: 'wsGroups.error.account',
  memberKind: 'wsGroups.error.memberKind',
  displayName: 'wsGroups.error.displayName',
  organisationName: 'wsGroups.error.organisationName',
  stakeholderType: 'wsGroups.error.stakeholderType',
  role: 'wsGroups.error.role',
  reservedSeat: 'wsGroups.error.reservedSeat',
} as const satisfies Record<string, MessageKey>;

const base = (code: string) => `/workspace/${code}/dialogue-groups`;

/** The dialogue group of the path, in the path's municipality (else 404). */
export const loadGroup = async (context: PortalContext, params: RecordParams) => {
  const group = await getService(context.strapi, 'dialogue-group').findOne(params.id).catch(() => null);
  return requireInMunicipality(group, group?.municipalityCode, params.municipalityCode);
};

// --- Setting up a group -------------------------------------------------------------------------------

const groupValues = (form: FormValues): GroupFormValues => ({
  name: field(form, 'name'),
  description: field(form, 'description'),
  seats: Object.fromEntries(SEAT_CATEGORIES.map((category) => [category, field(form, `seats-${category}`)])),
});

/** Seats as typed: a blank or 0 reserves none; anything else goes to the schema as a number, or as typed for it to refuse. */
const groupCandidate = (values: GroupFormValues) =>
  given({
    name: values.name,
    description: values.description,
    reservedSeats: Object.entries(values.seats)
      .filter(([, seats]) => seats !== '' && seats !== '0')
      .map(([category, seats]) => ({ category, seats: /^\d+$/.test(seats) ? Number(seats) : seats })),
  });

/** The group as its form filled in. */
const storedGroupValues = (group: DialogueGroup): GroupFormValues => ({
  name: group.name,
  description: group.description ?? '',
  seats: Object.fromEntries(group.reservedSeats.map((seat) => [seat.category, String(seat.seats)])),
});

/** The form to set up a group, or to change `group`. */
const groupFormPage = (context: PortalContext, municipality: Municipality, values: GroupFormValues, errors: FieldErrors, status = 200, group?: DialogueGroup): PortalPage => ({
  title: group ? context.i18n.t('wsGroups.editTitle', { name: group.name }) : context.i18n.t('wsGroups.new'),
  status,
  noStore: true,
  body: createElement(WsDialogueGroupFormPage, { municipality, group, values, errors }),
});

// --- The group's page ---------------------------------------------------------------------------------

const memberValues = (form: FormValues): MemberFormValues => ({
  account: field(form, 'account'),
  memberKind: field(form, 'memberKind'),
  displayName: field(form, 'displayName'),
  organisationName: field(form, 'organisationName'),
  stakeholderType: field(form, 'stakeholderType'),
  role: field(form, 'role'),
  reservedSeat: field(form, 'reservedSeat'),
});

/** The account of a person, by e-mail address or username (as people sign in); null when none has it. */
const accountNamed = async (context: PortalContext, name: string): Promise<{ id: number; username: string } | null> =>
  context.strapi.db.query(UID.user).findOne({ where: name.includes('@') ? { email: name.toLowerCase() } : { username: name }, select: ['id', 'username'] });

/** A schema's path as the member form's field: the account is typed as a name, sent as its id. */
const memberField = (path: PropertyKey | undefined) => (path === 'userId' ? 'account' : path);

const groupPage = async (context: PortalContext, municipality: Municipality, group: DialogueGroup, values: MemberFormValues, errors: FieldErrors, done: MessageKey | null, status = 200): Promise<PortalPage> => {
  const [meetings, commitments] = await Promise.all([
    getService(context.strapi, 'meeting').find({ group: group.documentId, page: 1, pageSize: 100 }),
    getService(context.strapi, 'commitment').find(group.documentId, { page: 1, pageSize: 200 }),
  ]);
  return {
    title: group.name,
    status,
    noStore: true,
    body: createElement(WsDialogueGroupPage, { municipality, group, meetings: meetings.data, commitments: commitments.data, memberValues: values, errors, done }),
  };
};

/**
 * The dialogue groups workspace (#15, item 13): set up a group, its members with their stakeholder
 * types, roles and reserved seats. Its meetings and commitments have routes of their own
 * (ws-meetings.ts, ws-commitments.ts); the group's page links to them.
 */
export const wsDialogueGroupRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/dialogue-groups',
    actions: ['dialogue-group.create'],
    params: communityParams,
    handle: async ({ params, query, context }) => {
      const municipality = await municipalityOf(context, params.municipalityCode);
      const groups = await getService(context.strapi, 'dialogue-group').find({ municipality: municipality.code, page: pageOf(query), pageSize: 25 });
      return { title: context.i18n.t('wsGroups.title'), noStore: true, body: createElement(WsDialogueGroupsPage, { municipality, groups, done: doneOf(query, DONE) }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/dialogue-groups/new',
    actions: ['dialogue-group.create'],
    params: communityParams,
    handle: async ({ params, context }) => groupFormPage(context, await municipalityOf(context, params.municipalityCode), { seats: {} }, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/dialogue-groups/new',
    actions: ['dialogue-group.create'],
    params: communityParams,
    handle: async ({ params, form, context }) => {
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = groupValues(form);
      const parsed = dialogueGroupBody.shape.data.safeParse(groupCandidate(values));
      if (!parsed.success) return groupFormPage(context, municipality, values, fieldErrorsFor(GROUP_MESSAGES, zodIssuePaths(parsed.error)), 400);
      const group = await getService(context.strapi, 'dialogue-group').create(municipality.code, parsed.data, context.user!.id);
      return { redirect: context.href(`${base(municipality.code)}/${group.documentId}?done=created`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/dialogue-groups/:id',
    actions: ['dialogue-group.update'],
    params: recordParams,
    handle: async ({ params, query, context }) => {
      const group = await loadGroup(context, params);
      return groupPage(context, await municipalityOf(context, params.municipalityCode), group, {}, {}, doneOf(query, DONE));
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/dialogue-groups/:id/edit',
    actions: ['dialogue-group.update'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const group = await loadGroup(context, params);
      return groupFormPage(context, await municipalityOf(context, params.municipalityCode), storedGroupValues(group), {}, 200, group);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/dialogue-groups/:id/edit',
    actions: ['dialogue-group.update'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const group = await loadGroup(context, params);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = groupValues(form);
      const parsed = dialogueGroupBody.shape.data.safeParse(groupCandidate(values));
      if (!parsed.success) return groupFormPage(context, municipality, values, fieldErrorsFor(GROUP_MESSAGES, zodIssuePaths(parsed.error)), 400, group);
      try {
        await getService(context.strapi, 'dialogue-group').update(municipality.code, group.documentId, parsed.data);
      } catch (error) {
        // Fewer seats than current members hold: said beside the seats, nothing changed.
        if (isConflict(error)) return groupFormPage(context, municipality, values, { reservedSeats: 'wsGroups.error.seatsHeld' }, 409, group);
        throw error;
      }
      return { redirect: context.href(`${base(municipality.code)}/${group.documentId}?done=changed`) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/dialogue-groups/:id/members',
    actions: ['dialogue-group.addMember'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const group = await loadGroup(context, params);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = memberValues(form);
      const { account, ...typed } = values;
      const found = account ? await accountNamed(context, account) : null;
      if (account && !found) return groupPage(context, municipality, group, values, { account: 'wsGroups.error.account' }, null, 400);
      // A member with an account is named by their username unless another name is typed.
      const candidate = found ? { ...typed, userId: found.id, displayName: typed.displayName || found.username } : typed;
      const parsed = memberBody.shape.data.safeParse(given(candidate));
      if (!parsed.success) return groupPage(context, municipality, group, values, fieldErrorsFor(MEMBER_MESSAGES, zodIssuePaths(parsed.error).map(memberField)), null, 400);
      try {
        await getService(context.strapi, 'dialogue-group').addMember(municipality.code, group.documentId, parsed.data);
      } catch (error) {
        // Every seat of the category is taken (perhaps meanwhile): said beside the seat, nobody added.
        if (isConflict(error)) return groupPage(context, municipality, group, values, { reservedSeat: 'wsGroups.error.seatFull' }, null, 409);
        const fields = refusedPaths(error);
        if (!fields) throw error;
        return groupPage(context, municipality, group, values, fieldErrorsFor(MEMBER_MESSAGES, fields.map(memberField)), null, 400);
      }
      return { redirect: context.href(`${base(municipality.code)}/${group.documentId}?done=memberAdded`) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/dialogue-groups/:id/members/:memberId/remove',
    actions: ['dialogue-group.removeMember'],
    params: memberParams,
    handle: async ({ params, context }) => {
      const group = await loadGroup(context, params);
      await getService(context.strapi, 'dialogue-group').removeMember(params.municipalityCode, group.documentId, params.memberId);
      return { redirect: context.href(`${base(params.municipalityCode)}/${group.documentId}?done=memberRemoved`) };
    },
  }),
];
