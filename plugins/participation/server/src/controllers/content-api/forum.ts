import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { forumRoutes as routes } from '../../routes/content-api/forums';
import { callerOf, handle } from './handle';
import { posterOf } from './poster';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const forums = () => getService(strapi, 'forum');

  return {
    find: handle(routes.find, async ({ query }) => forums().listForums(query)),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await forums().findForum(params.forumId) })),
    create: handle(routes.create, async ({ params, body }, ctx) => ({ data: await forums().createForum(params.municipalityCode, body.data, callerOf(ctx).id) })),
    findThreads: handle(routes.findThreads, async ({ params, query }) => forums().listThreads(params.forumId, query)),
    findThread: handle(routes.findThread, async ({ params }) => ({ data: await forums().findThread(params.threadId) })),
    createThread: handle(routes.createThread, async ({ params, body }, ctx) => ({
      data: await forums().createThread(params.forumId, body.data, posterOf(ctx)),
    })),
    findPosts: handle(routes.findPosts, async ({ params, query }) => forums().listPosts(params.threadId, query)),
    createPost: handle(routes.createPost, async ({ params, body }, ctx) => ({
      data: await forums().createPost(params.threadId, body.data, posterOf(ctx)),
    })),
    react: handle(routes.react, async ({ params }, ctx) => ({ data: await forums().react(params.postId, params.kind, callerOf(ctx).id, true) })),
    unreact: handle(routes.unreact, async ({ params }, ctx) => ({ data: await forums().react(params.postId, params.kind, callerOf(ctx).id, false) })),
    follow: handle(routes.follow, async ({ params }, ctx) => ({ data: await forums().follow(params.threadId, callerOf(ctx).id, true) })),
    unfollow: handle(routes.unfollow, async ({ params }, ctx) => ({ data: await forums().follow(params.threadId, callerOf(ctx).id, false) })),
  };
};
