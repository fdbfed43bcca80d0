import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { moderationRoutes } from '../../../server/src/routes/content-api/moderation';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import type { WorkspaceMunicipality } from '../components/WorkspaceTrail';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import { fieldErrorsFor, refusedPaths } from '../workspace/form-errors';
import { requireInMunicipality } from '../workspace/scoped-record';
import { MODERATION_DONE, ModerationQueuePage, type ModerationDone, type PostActionValues } from '../pages/moderation-workspace/ModerationQueuePage';
import { ThreadLockPage, type ThreadLockValues } from '../pages/moderation-workspace/ThreadLockPage';
import { SuspendMemberPage, type SuspendValues } from '../pages/moderation-workspace/SuspendMemberPage';
import { LiftSuspensionPage, type LiftValues } from '../pages/moderation-workspace/LiftSuspensionPage';
import { MODERATOR_REASONS } from '../forums/moderator-reasons';

/**
 * The moderators' workspace (issue #15, item 10): the queue of reported and auto-hidden posts, hiding and
 * restoring several at once, locking threads, suspending members and lifting suspensions. Each form is
 * checked with the content API's own body schema and written by the moderation service, so the workspace
 * refuses exactly what the API refuses; every record loaded by id must be in the path's municipality.
 */

const base = (code: string) => `/workspace/${code}/moderation`;
const municipalityParams = z.object({ municipalityCode: municipalityCodeParam });
const threadParams = municipalityParams.extend({ threadId: documentIdSchema });
const postParams = municipalityParams.extend({ postId: documentIdSchema });
const liftParams = municipalityParams.extend({ forumId: documentIdSchema, userId: z.coerce.number().int().positive() });

/** Posts acted on at once: the queue shows at most 100. */
const postIdsSchema = z.array(documentIdSchema).min(1).max(100);

const municipalityOf = async (context: PortalContext, code: string): Promise<WorkspaceMunicipality> => {
  const municipality = await getService(context.strapi, 'municipality').findByCode(code);
  if (!municipality) throw new errors.NotFoundError('No such municipality');
  return { code: municipality.code, name: municipality.name, contentLanguage: municipality.contentLanguage };
};

/** The fields of `{ data: { … } }` a zod error names. */
const dataPaths = (error: z.ZodError) => error.issues.map((issue) => (issue.path[0] === 'data' ? issue.path[1] : issue.path[0]));
const listOf = (form: FormValues, name: string) => [form[name] ?? []].flat().filter((value): value is string => typeof value === 'string');
const optionalNote = (note: string) => note.trim() || undefined;

const queuePage = async (context: PortalContext, code: string, view: { values?: PostActionValues; errors?: FieldErrors; done?: ModerationDone | null; status?: number }) => {
  const moderation = getService(context.strapi, 'moderation');
  const [municipality, queue, suspensions] = await Promise.all([municipalityOf(context, code), moderation.queue(code), moderation.activeSuspensionsIn(code)]);
  const threadIds = [...new Set(queue.map((item) => item.post.threadDocumentId))];
  const threads = await Promise.all(threadIds.map((threadId) => getService(context.strapi, 'forum').findThread(threadId)));
  return {
    title: context.i18n.t('wsModeration.title', { municipality: municipality.name }),
    noStore: true,
    status: view.status,
    body: createElement(ModerationQueuePage, {
      municipality,
      queue,
      lockedThreads: threads.filter((thread) => thread.locked).map((thread) => thread.documentId),
      suspensions,
      values: view.values ?? { postIds: [] },
      errors: view.errors ?? {},
      done: view.done ?? null,
    }),
  };
};

const POST_ACTION_MESSAGES = {
  postIds: 'wsModeration.error.postIds',
  action: 'wsModeration.error.action',
  reason: 'wsModeration.error.reason',
  note: 'wsModeration.error.note',
} as const;

/** A thread of the path's municipality, or 404. */
const threadIn = async (context: PortalContext, code: string, threadId: string) => {
  const thread = await getService(context.strapi, 'forum').findThread(threadId);
  return requireInMunicipality(thread, thread.municipalityCode, code);
};

const threadPage = async (context: PortalContext, code: string, threadId: string, values: ThreadLockValues, fieldErrors: FieldErrors, status = 200) => {
  const [municipality, thread] = await Promise.all([municipalityOf(context, code), threadIn(context, code, threadId)]);
  return {
    title: context.i18n.t(thread.locked ? 'wsModeration.thread.unlockTitle' : 'wsModeration.thread.lockTitle'),
    noStore: true,
    status,
    body: createElement(ThreadLockPage, { municipality, thread, values, errors: fieldErrors }),
  };
};

/** A post of the path's municipality with its author and forum: whom a suspension from that post would bar, and where. */
const postIn = async (context: PortalContext, code: string, postId: string) => {
  const forums = getService(context.strapi, 'forum');
  const place = await forums.locatePost(postId);
  const found = await forums.findThread(place.threadDocumentId);
  const thread = requireInMunicipality(found, found.municipalityCode, code);
  const [post] = await forums.postsAt(place.threadDocumentId, [place.position]);
  return { place, thread, post };
};

const suspendPage = async (context: PortalContext, code: string, postId: string, values: SuspendValues, fieldErrors: FieldErrors, status = 200) => {
  const [municipality, { place, thread, post }] = await Promise.all([municipalityOf(context, code), postIn(context, code, postId)]);
  return {
    title: context.i18n.t('wsModeration.suspend.title', { member: post.authorName }),
    noStore: true,
    status,
    body: createElement(SuspendMemberPage, { municipality, thread, post, ownPost: place.authorId === context.user!.id, values, errors: fieldErrors }),
  };
};

/** The member's current suspension from a forum of the path's municipality, or 404. */
const suspensionIn = async (context: PortalContext, code: string, forumId: string, userId: number) => {
  const active = await getService(context.strapi, 'moderation').activeSuspensionsIn(code);
  const suspension = active.find((entry) => entry.forumDocumentId === forumId && entry.userId === userId);
  if (!suspension) throw new errors.NotFoundError('Not suspended there');
  return suspension;
};

const liftPage = async (context: PortalContext, code: string, forumId: string, userId: number, values: LiftValues, fieldErrors: FieldErrors, status = 200) => {
  const [municipality, suspension] = await Promise.all([municipalityOf(context, code), suspensionIn(context, code, forumId, userId)]);
  return {
    title: context.i18n.t('wsModeration.lift.title', { member: suspension.username }),
    noStore: true,
    status,
    body: createElement(LiftSuspensionPage, { municipality, suspension, ownSuspension: userId === context.user!.id, values, errors: fieldErrors }),
  };
};

export const wsModerationRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/moderation',
    actions: ['moderation.queue'],
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const done = text(query, 'done');
      return queuePage(context, params.municipalityCode, { done: (MODERATION_DONE as readonly string[]).includes(done) ? (done as ModerationDone) : null });
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/moderation/posts',
    actions: ['moderation.queue', 'moderation.moderatePost'],
    params: municipalityParams,
    handle: async ({ params, form, context }) => {
      const code = params.municipalityCode;
      const values: PostActionValues = { postIds: listOf(form, 'postIds'), action: text(form, 'action'), reason: text(form, 'reason'), note: text(form, 'note') };
      const ids = postIdsSchema.safeParse(values.postIds);
      const body = moderationRoutes.moderatePost.body.safeParse({ data: { action: values.action, reason: values.reason, note: optionalNote(values.note ?? '') } });
      if (!ids.success || !body.success) {
        const paths = [...(ids.success ? [] : ['postIds']), ...(body.success ? [] : dataPaths(body.error))];
        return queuePage(context, code, { values, errors: fieldErrorsFor(POST_ACTION_MESSAGES, paths), status: 400 });
      }
      // All or none: a post of another municipality among them is a 404 and nothing is written.
      await getService(context.strapi, 'moderation').moderatePosts(code, ids.data, body.data.data, context.user!.id);
      return { redirect: context.href(`${base(code)}?done=${body.data.data.action === 'hide' ? 'hidden' : 'restored'}`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/moderation/threads/:threadId',
    actions: ['moderation.moderateThread'],
    params: threadParams,
    handle: async ({ params, context }) => threadPage(context, params.municipalityCode, params.threadId, {}, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/moderation/threads/:threadId',
    actions: ['moderation.moderateThread'],
    params: threadParams,
    handle: async ({ params, form, context }) => {
      const code = params.municipalityCode;
      const thread = await threadIn(context, code, params.threadId);
      const values: ThreadLockValues = { reason: text(form, 'reason'), note: text(form, 'note') };
      // The action follows from the thread's state: the form offers the one step that applies.
      const action = thread.locked ? 'unlock' : 'lock';
      const reason = z.enum(MODERATOR_REASONS).safeParse(values.reason);
      const body = moderationRoutes.moderateThread.body.safeParse({ data: { action, reason: values.reason, note: optionalNote(values.note ?? '') } });
      if (!reason.success || !body.success) {
        const paths = [...(reason.success ? [] : ['reason']), ...(body.success ? [] : dataPaths(body.error))];
        return threadPage(context, code, params.threadId, values, fieldErrorsFor({ reason: 'wsModeration.error.reason', note: 'wsModeration.error.note' }, paths), 400);
      }
      await getService(context.strapi, 'moderation').moderateThread(code, thread.documentId, body.data.data, context.user!.id);
      return { redirect: context.href(`${base(code)}?done=${action === 'lock' ? 'locked' : 'unlocked'}`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/moderation/posts/:postId/suspend',
    actions: ['moderation.suspend'],
    params: postParams,
    handle: async ({ params, context }) => suspendPage(context, params.municipalityCode, params.postId, { days: '7' }, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/moderation/posts/:postId/suspend',
    actions: ['moderation.suspend'],
    params: postParams,
    handle: async ({ params, form, context }) => {
      const code = params.municipalityCode;
      const { place } = await postIn(context, code, params.postId);
      const values: SuspendValues = { days: text(form, 'days'), reason: text(form, 'reason'), note: text(form, 'note') };
      const days = values.days?.trim() ?? '';
      const body = moderationRoutes.suspend.body.safeParse({
        data: { userId: place.authorId, days: /^\d{1,4}$/.test(days) ? Number(days) : Number.NaN, reason: values.reason, note: optionalNote(values.note ?? '') },
      });
      const messages = { days: 'wsModeration.error.days', reason: 'wsModeration.error.suspendReason', note: 'wsModeration.error.note' } as const;
      if (!body.success) return suspendPage(context, code, params.postId, values, fieldErrorsFor(messages, dataPaths(body.error)), 400);
      try {
        await getService(context.strapi, 'moderation').suspend(code, place.forumDocumentId, body.data.data, context.user!.id);
      } catch (error) {
        // Refused by the service (a moderator suspending themselves): the page says so instead of the form.
        if (refusedPaths(error) === null) throw error;
        return suspendPage(context, code, params.postId, values, {}, 400);
      }
      return { redirect: context.href(`${base(code)}?done=suspended`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/moderation/forums/:forumId/suspensions/:userId/lift',
    actions: ['moderation.liftSuspension'],
    params: liftParams,
    handle: async ({ params, context }) => liftPage(context, params.municipalityCode, params.forumId, params.userId, {}, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/moderation/forums/:forumId/suspensions/:userId/lift',
    actions: ['moderation.liftSuspension'],
    params: liftParams,
    handle: async ({ params, form, context }) => {
      const code = params.municipalityCode;
      await suspensionIn(context, code, params.forumId, params.userId);
      const values: LiftValues = { reason: text(form, 'reason'), note: text(form, 'note') };
      const body = moderationRoutes.liftSuspension.body.safeParse({ data: { reason: values.reason, note: optionalNote(values.note ?? '') } });
      const messages = { reason: 'wsModeration.error.liftReason', note: 'wsModeration.error.note' } as const;
      if (!body.success) return liftPage(context, code, params.forumId, params.userId, values, fieldErrorsFor(messages, dataPaths(body.error)), 400);
      try {
        await getService(context.strapi, 'moderation').liftSuspension(code, params.forumId, params.userId, body.data.data, context.user!.id);
      } catch (error) {
        if (refusedPaths(error) === null) throw error;
        return liftPage(context, code, params.forumId, params.userId, values, {}, 400);
      }
      return { redirect: context.href(`${base(code)}?done=lifted`) };
    },
  }),
];
