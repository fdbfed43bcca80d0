import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { postModerationBody, reportBody, suspensionBody, suspensionLiftBody, threadModerationBody } from '../../routes/content-api/validation/forums';
import { posterOf } from './forum';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const moderation = () => strapi.plugin('participation').service('moderation');

  return {
    async report(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(reportBody, ctx.request.body, 'body');
      const outcome = await moderation().report(ctx.params.postId, data, posterOf(ctx));
      ctx.status = 201;
      ctx.body = { data: outcome };
    },

    async queue(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await moderation().queue(ctx.params.municipalityCode) };
    },

    async moderatePost(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(postModerationBody, ctx.request.body, 'body');
      ctx.body = { data: await moderation().moderatePost(ctx.params.municipalityCode, ctx.params.postId, data, ctx.state.user.id) };
    },

    async moderateThread(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(threadModerationBody, ctx.request.body, 'body');
      ctx.body = { data: await moderation().moderateThread(ctx.params.municipalityCode, ctx.params.threadId, data, ctx.state.user.id) };
    },

    async suspend(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(suspensionBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await moderation().suspend(ctx.params.municipalityCode, ctx.params.forumId, data, ctx.state.user.id) };
    },

    async liftSuspension(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(suspensionLiftBody, ctx.request.body, 'body');
      const userId = Number(ctx.params.userId);
      if (!Number.isSafeInteger(userId)) throw new errors.NotFoundError(`No member ${ctx.params.userId}`);
      ctx.body = { data: await moderation().liftSuspension(ctx.params.municipalityCode, ctx.params.forumId, userId, data, ctx.state.user.id) };
    },

    async summary(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      await strapi.plugin('participation').service('municipality').requireByCode(ctx.params.municipalityCode, 'municipalityCode');
      ctx.body = { data: await moderation().summary(ctx.params.municipalityCode) };
    },
  };
};
