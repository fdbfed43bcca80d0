import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { forumRoutes } from '../../../server/src/routes/content-api/forums';
import { moderationRoutes } from '../../../server/src/routes/content-api/moderation';
import { REACTION_KINDS } from '../../../server/src/domain/forums/reactions';
import { getService } from '../../../server/src/utils/get-service';
import type { ForumPost } from '../../../shared/contracts/forums';
import type { FieldErrors } from '../components/ErrorSummary';
import type { PostingStanding } from '../components/PostingRefusal';
import { postAddress } from '../components/ForumPostItem';
import { portalRoute, text, type FormValues, type PortalContext, type PortalPage, type PortalRequest } from '../http/portal-route';
import { postHtmlFromText } from '../forums/post-text';
import { ForumsPage } from '../pages/ForumsPage';
import { ForumPage } from '../pages/ForumPage';
import { NewThreadPage } from '../pages/NewThreadPage';
import { THREAD_DONE_NOTICES, ThreadPage } from '../pages/ThreadPage';
import { ReportPostPage } from '../pages/ReportPostPage';
import { ModerationRecordPage } from '../pages/ModerationRecordPage';
import { PersonPostsPage } from '../pages/PersonPostsPage';
import { languagesOfItems } from '../i18n/content-language';
import { ProblemPage } from '../pages/ProblemPage';

/** As the API pages posts by default: page n is positions (n−1)·25+1 … n·25, a range read however deep. */
export const POSTS_PER_PAGE = 25;
const THREADS_PER_PAGE = 20;
/** Every forum of a municipality on one page: a municipality has a handful. */
const ALL_FORUMS = { page: 1, pageSize: 100 };

const pageNumber = z.coerce.number().int().min(1).max(1_000_000);
const problem = (context: PortalContext, status: number, detail?: string): PortalPage => ({ ...ProblemPage({ status, detail, i18n: context.i18n }), status });

/** The page asked for in `?page=` (1 when absent), or null when it is not a page number. */
const pageOf = (query: FormValues) => {
  const asked = text(query, 'page');
  if (asked === '') return 1;
  const parsed = pageNumber.safeParse(asked);
  return parsed.success ? parsed.data : null;
};

/** Whether the reader may post: the forum service's own refusals (locked, suspended), asked before showing a form. */
const standingOf = async (context: PortalContext, forumDocumentId: string, locked: boolean): Promise<PostingStanding> => {
  if (!context.user) return { kind: 'signed-out' };
  if (locked) return { kind: 'locked' };
  const suspension = await getService(context.strapi, 'moderation').activeSuspension(forumDocumentId, context.user.id);
  return suspension ? { kind: 'suspended', until: suspension.until } : { kind: 'may-post' };
};

const posterOf = ({ context, address }: PortalRequest<unknown>) => ({ id: context.user!.id, username: context.user!.username, address });

/**
 * A refused post or thread as the form shows it: the rate limit and a repeated text beside the field, in
 * words; a lock or suspension (PolicyError) as the page's explanation instead of the form. Anything else
 * is not the writer's to fix and goes to the shell's problem pages.
 */
const refusalOf = (error: unknown): FieldErrors | 'policy' => {
  if (error instanceof errors.PolicyError) return 'policy';
  if (error instanceof errors.RateLimitError) return { body: 'post.error.rateLimited' };
  if ((error as { status?: number }).status === 409) return { body: 'post.error.duplicate' };
  const paths = error instanceof errors.ValidationError ? ((error.details as { errors?: Array<{ path: string[] }> })?.errors ?? []).map(({ path }) => path.join('.')) : [];
  if (paths.includes('data.replyToPosition')) return { body: 'post.error.replyTo' };
  throw error;
};

/** zod's issues on a `{ data: { … } }` body as the form's fields and their messages. */
const fieldErrorsOf = (issues: z.core.$ZodIssue[], messages: FieldErrors): FieldErrors =>
  Object.fromEntries(issues.map((issue) => String(issue.path[1] ?? '')).filter((field) => field in messages).map((field) => [field, messages[field]]));

interface ThreadView {
  threadId: string;
  page: number | 'last';
  replyTo?: number;
  values?: { body?: string };
  errors?: FieldErrors;
  done?: (typeof THREAD_DONE_NOTICES)[number];
  status?: number;
}

/** The thread page: one page of posts by position, what their replies answer, the reader's part, and the post form. */
const threadPage = async (context: PortalContext, view: ThreadView): Promise<PortalPage> => {
  const forums = getService(context.strapi, 'forum');
  const thread = await forums.findThread(view.threadId);
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const page = view.page === 'last' ? pageCount : view.page;
  if (page > pageCount) return problem(context, 404);
  const { data: posts } = await forums.listPosts(thread.documentId, { page, pageSize: POSTS_PER_PAGE });
  const onPage = new Map(posts.map((post) => [post.position, post]));
  const elsewhere = [...new Set(posts.map((post) => post.replyToPosition).filter((position): position is number => position !== null && !onPage.has(position)))];
  const replyTo = view.replyTo && view.replyTo <= thread.postCount ? view.replyTo : undefined;
  const [fetched, reader, standing, municipality] = await Promise.all([
    forums.postsAt(thread.documentId, [...elsewhere, ...(replyTo && !onPage.has(replyTo) ? [replyTo] : [])]),
    context.user ? forums.readerState(thread.documentId, posts.map((post) => post.documentId), context.user.id) : null,
    standingOf(context, thread.forumDocumentId, thread.locked),
    getService(context.strapi, 'municipality').getByCode(thread.municipalityCode),
  ]);
  const answered = new Map<number, ForumPost>([...onPage, ...fetched.map((post): [number, ForumPost] => [post.position, post])]);
  return {
    title: thread.title,
    status: view.status,
    scripts: ['live.js'],
    body: createElement(ThreadPage, {
      thread,
      municipality,
      posts,
      answered,
      page,
      pageCount,
      pageSize: POSTS_PER_PAGE,
      reader,
      standing,
      replyTarget: replyTo ? (answered.get(replyTo) ?? null) : null,
      values: view.values ?? {},
      errors: view.errors ?? {},
      done: view.done,
    }),
  };
};

const newThreadPage = async (context: PortalContext, forumId: string, values: { title?: string; body?: string }, fieldErrors: FieldErrors, status = 200): Promise<PortalPage> => {
  const forum = await getService(context.strapi, 'forum').findForum(forumId);
  const standing = await standingOf(context, forum.documentId, false);
  return { title: context.i18n.t('newThread.title'), status, body: createElement(NewThreadPage, { forum, standing, values, errors: fieldErrors }) };
};

const reportPage = async (context: PortalContext, postId: string, values: { reason?: string; note?: string }, fieldErrors: FieldErrors, status = 200): Promise<PortalPage> => {
  const forums = getService(context.strapi, 'forum');
  const place = await forums.locatePost(postId);
  if (place.authorId === context.user!.id) return problem(context, 400, context.i18n.t('report.error.own'));
  const [[post], thread] = await Promise.all([forums.postsAt(place.threadDocumentId, [place.position]), forums.findThread(place.threadDocumentId)]);
  const languageOf = await languagesOfItems(context.strapi, [thread]);
  return { title: context.i18n.t('report.title'), status, body: createElement(ReportPostPage, { post, thread, languageOf, pageSize: POSTS_PER_PAGE, values, errors: fieldErrors }) };
};

const municipalityParams = z.object({ municipalityCode: municipalityCodeParam });
const forumParams = z.object({ forumId: documentIdSchema });
const threadParams = z.object({ threadId: documentIdSchema });
const postParams = z.object({ postId: documentIdSchema });
const onOff = z.enum(['yes', 'no']);

export const forumPortalRoutes = [
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/forums',
    actions: ['municipality.findOne', 'forum.find'],
    params: municipalityParams,
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const { data: forums } = await getService(context.strapi, 'forum').listForums({ municipality: municipality.code, ...ALL_FORUMS });
      return { title: context.i18n.t('forums.title', { municipality: municipality.name }), body: createElement(ForumsPage, { municipality, forums }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/moderation',
    actions: ['municipality.findOne', 'moderation.summary'],
    params: municipalityParams,
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const summary = await getService(context.strapi, 'moderation').summary(municipality.code);
      return { title: context.i18n.t('moderationRecord.title', { municipality: municipality.name }), body: createElement(ModerationRecordPage, { municipality, summary }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/forums/:forumId',
    actions: ['forum.findOne', 'forum.findThreads'],
    params: forumParams,
    handle: async ({ params, query, context }) => {
      const page = pageOf(query);
      if (page === null) return problem(context, 400);
      const forums = getService(context.strapi, 'forum');
      const forum = await forums.findForum(params.forumId);
      const [threads, municipality] = await Promise.all([
        forums.listThreads(forum.documentId, { page, pageSize: THREADS_PER_PAGE }),
        getService(context.strapi, 'municipality').getByCode(forum.municipalityCode),
      ]);
      const { pageCount } = threads.meta.pagination;
      if (page > Math.max(1, pageCount)) return problem(context, 404);
      return { title: forum.title, body: createElement(ForumPage, { forum, municipality, threads: threads.data, page, pageCount }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/forums/:forumId/threads/new',
    actions: ['forum.findOne', 'forum.createThread'],
    params: forumParams,
    handle: async ({ params, context }) => newThreadPage(context, params.forumId, {}, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/forums/:forumId/threads/new',
    actions: ['forum.findOne', 'forum.createThread'],
    params: forumParams,
    handle: async (request) => {
      const { params, form, context } = request;
      const values = { title: text(form, 'title'), body: text(form, 'body') };
      // The API's own body schema: the same limits on the title and on the text readers see.
      const parsed = forumRoutes.createThread.body.safeParse({ data: { title: values.title.trim(), body: postHtmlFromText(values.body), language: context.lang } });
      if (!parsed.success) return newThreadPage(context, params.forumId, values, fieldErrorsOf(parsed.error.issues, { title: 'newThread.error.title', body: 'post.error.body' }), 400);
      try {
        const thread = await getService(context.strapi, 'forum').createThread(params.forumId, parsed.data.data, posterOf(request));
        return { redirect: context.href(`/threads/${thread.documentId}?done=posted#post-1`) };
      } catch (error) {
        const refusal = refusalOf(error);
        return newThreadPage(context, params.forumId, values, refusal === 'policy' ? {} : refusal, refusal === 'policy' ? 403 : 400);
      }
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/threads/:threadId',
    actions: ['forum.findThread', 'forum.findPosts'],
    params: threadParams,
    handle: async ({ params, query, context }) => {
      const page = pageOf(query);
      if (page === null) return problem(context, 400);
      const replyTo = pageNumber.safeParse(text(query, 'replyTo'));
      const done = THREAD_DONE_NOTICES.find((notice) => notice === query.done);
      return threadPage(context, { threadId: params.threadId, page, replyTo: replyTo.success ? replyTo.data : undefined, done });
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/threads/:threadId/posts',
    actions: ['forum.findThread', 'forum.createPost'],
    params: threadParams,
    handle: async (request) => {
      const { params, form, context } = request;
      const values = { body: text(form, 'body') };
      const replyTo = text(form, 'replyToPosition') === '' ? undefined : pageNumber.safeParse(text(form, 'replyToPosition')).data;
      const again = (fieldErrors: FieldErrors, status: number) => threadPage(context, { threadId: params.threadId, page: 'last', replyTo, values, errors: fieldErrors, status });
      const parsed = forumRoutes.createPost.body.safeParse({ data: { body: postHtmlFromText(values.body), replyToPosition: replyTo, language: context.lang } });
      if (!parsed.success) return again(fieldErrorsOf(parsed.error.issues, { body: 'post.error.body', replyToPosition: 'post.error.replyTo' }), 400);
      try {
        const post = await getService(context.strapi, 'forum').createPost(params.threadId, parsed.data.data, posterOf(request));
        return { redirect: context.href(postAddress(params.threadId, post.position, POSTS_PER_PAGE).replace('#', '&done=posted#')) };
      } catch (error) {
        const refusal = refusalOf(error);
        return refusal === 'policy' ? again({}, 403) : again(refusal, refusal.body === 'post.error.rateLimited' ? 429 : 400);
      }
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/threads/:threadId/follow',
    actions: ['forum.follow', 'forum.unfollow'],
    params: threadParams,
    handle: async ({ params, form, context }) => {
      const on = onOff.safeParse(text(form, 'on'));
      if (!on.success) return problem(context, 400);
      await getService(context.strapi, 'forum').follow(params.threadId, context.user!.id, on.data === 'yes');
      return { redirect: context.href(`/threads/${params.threadId}#follow`) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/posts/:postId/reactions',
    actions: ['forum.react', 'forum.unreact'],
    params: postParams,
    handle: async ({ params, form, context }) => {
      const kind = z.enum(REACTION_KINDS).safeParse(text(form, 'kind'));
      const on = onOff.safeParse(text(form, 'on'));
      if (!kind.success || !on.success) return problem(context, 400);
      const forums = getService(context.strapi, 'forum');
      const place = await forums.locatePost(params.postId);
      await forums.react(params.postId, kind.data, context.user!.id, on.data === 'yes');
      return { redirect: context.href(postAddress(place.threadDocumentId, place.position, POSTS_PER_PAGE)) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/posts/:postId/report',
    actions: ['forum.findPosts', 'moderation.report'],
    params: postParams,
    handle: async ({ params, context }) => reportPage(context, params.postId, {}, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/posts/:postId/report',
    actions: ['forum.findPosts', 'moderation.report'],
    params: postParams,
    handle: async (request) => {
      const { params, form, context } = request;
      const values = { reason: text(form, 'reason'), note: text(form, 'note') };
      const parsed = moderationRoutes.report.body.safeParse({ data: { reason: values.reason, note: values.note.trim() || undefined } });
      if (!parsed.success) return reportPage(context, params.postId, values, fieldErrorsOf(parsed.error.issues, { reason: 'report.error.reason', note: 'report.error.note' }), 400);
      const forums = getService(context.strapi, 'forum');
      const place = await forums.locatePost(params.postId);
      try {
        await getService(context.strapi, 'moderation').report(params.postId, parsed.data.data, posterOf(request));
      } catch (error) {
        if (error instanceof errors.RateLimitError) return reportPage(context, params.postId, values, { reason: 'report.error.rateLimited' }, 429);
        if ((error as { status?: number }).status === 409) return reportPage(context, params.postId, values, { reason: 'report.error.already' }, 409);
        throw error;
      }
      return { redirect: context.href(postAddress(place.threadDocumentId, place.position, POSTS_PER_PAGE).replace('#', '&done=reported#')) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/people/:username',
    actions: ['forum.findPosts'],
    params: z.object({ username: z.string().min(1).max(100) }),
    handle: async ({ params, context }) => {
      const posts = await getService(context.strapi, 'forum').recentPostsBy(params.username, POSTS_PER_PAGE);
      const languageOf = await languagesOfItems(context.strapi, posts.map(({ thread }) => thread));
      return {
        title: context.i18n.t('person.title', { name: params.username }),
        body: createElement(PersonPostsPage, { username: params.username, posts, languageOf, pageSize: POSTS_PER_PAGE }),
      };
    },
  }),
];
