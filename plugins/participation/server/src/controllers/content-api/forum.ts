import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { forumBody, listForumsQuery, listPostsQuery, listThreadsQuery, postBody, reactionParams, threadBody } from '../../routes/content-api/validation/forums';

/** The signed-in author as posting needs them: who, under which name, from which address. */
export const posterOf = (ctx: any) => ({ id: ctx.state.user.id as number, username: ctx.state.user.username as string, address: ctx.request.ip as string });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const forums = () => strapi.plugin('participation').service('forum');

  return {
    async find(ctx: any) {
      ctx.body = await forums().listForums(validateRequest(listForumsQuery, ctx.query, 'query'));
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await forums().findForum(ctx.params.forumId) };
    },

    async create(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(forumBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await forums().createForum(ctx.params.municipalityCode, data, ctx.state.user.id) };
    },

    async findThreads(ctx: any) {
      ctx.body = await forums().listThreads(ctx.params.forumId, validateRequest(listThreadsQuery, ctx.query, 'query'));
    },

    async findThread(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await forums().findThread(ctx.params.threadId) };
    },

    async createThread(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(threadBody, ctx.request.body, 'body');
      const thread = await forums().createThread(ctx.params.forumId, data, posterOf(ctx));
      ctx.status = 201;
      ctx.body = { data: thread };
    },

    async findPosts(ctx: any) {
      ctx.body = await forums().listPosts(ctx.params.threadId, validateRequest(listPostsQuery, ctx.query, 'query'));
    },

    async createPost(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(postBody, ctx.request.body, 'body');
      const post = await forums().createPost(ctx.params.threadId, data, posterOf(ctx));
      ctx.status = 201;
      ctx.body = { data: post };
    },

    async react(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { kind } = validateRequest(reactionParams, { kind: ctx.params.kind }, 'query');
      ctx.body = { data: await forums().react(ctx.params.postId, kind, ctx.state.user.id, ctx.method === 'PUT') };
    },

    async follow(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await forums().follow(ctx.params.threadId, ctx.state.user.id, ctx.method === 'PUT') };
    },
  };
};
