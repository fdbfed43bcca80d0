import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { moderationRoutes as routes } from '../../routes/content-api/moderation';
import { callerOf, handle } from './handle';
import { posterOf } from './poster';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const moderation = () => getService(strapi, 'moderation');

  return {
    report: handle(routes.report, async ({ params, body }, ctx) => ({
      data: await moderation().report(params.postId, body.data, posterOf(ctx)),
    })),
    summary: handle(routes.summary, async ({ params }) => ({ data: await moderation().summary(params.municipalityCode) })),
    queue: handle(routes.queue, async ({ params }) => ({ data: await moderation().queue(params.municipalityCode) })),
    moderatePost: handle(routes.moderatePost, async ({ params, body }, ctx) => ({
      data: await moderation().moderatePost(params.municipalityCode, params.postId, body.data, callerOf(ctx).id),
    })),
    moderateThread: handle(routes.moderateThread, async ({ params, body }, ctx) => ({
      data: await moderation().moderateThread(params.municipalityCode, params.threadId, body.data, callerOf(ctx).id),
    })),
    suspend: handle(routes.suspend, async ({ params, body }, ctx) => ({
      data: await moderation().suspend(params.municipalityCode, params.forumId, body.data, callerOf(ctx).id),
    })),
    liftSuspension: handle(routes.liftSuspension, async ({ params, body }, ctx) => ({
      data: await moderation().liftSuspension(params.municipalityCode, params.forumId, params.userId, body.data, callerOf(ctx).id),
    })),
  };
};
