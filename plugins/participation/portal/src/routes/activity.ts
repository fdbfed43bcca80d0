import { createElement } from 'react';
import { z } from 'zod';
import { getService } from '../../../server/src/utils/get-service';
import { portalRoute, text } from '../http/portal-route';
import { ActivityPage } from '../pages/ActivityPage';
import { RoundFollowPage } from '../pages/RoundFollowPage';
import { languageOfItem, languagesOfItems } from '../i18n/content-language';

const roundParams = z.object({ roundId: z.string().max(64) });

/** The person's own activity, and following a round (the notifications of its stages and results). */
export const activityRoutes = [
  portalRoute({
    method: 'GET',
    path: '/account/activity',
    actions: ['me.find'],
    handle: async ({ context }) => {
      const activity = await getService(context.strapi, 'activity').of(context.user!.id);
      const { proposals, votes, posts, follows, registrations, answers } = activity;
      const languageOf = await languagesOfItems(context.strapi, [...proposals, ...votes, ...posts, ...follows.threads, ...follows.rounds, ...registrations, ...answers]);
      return { title: context.i18n.t('activity.title'), noStore: true, body: createElement(ActivityPage, { activity, languageOf }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId/follow',
    actions: ['round.findOne', 'me.find'],
    params: roundParams,
    handle: async ({ context, params }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      const following = await getService(context.strapi, 'notifications').followsRound(round.documentId, context.user!.id);
      return {
        title: context.i18n.t('roundFollow.title', { title: round.title }),
        noStore: true,
        body: createElement(RoundFollowPage, { roundDocumentId: round.documentId, title: round.title, titleLanguage: await languageOfItem(context.strapi, round), following }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/rounds/:roundId/follow',
    actions: ['round.findOne', 'me.updateProfile'],
    params: roundParams,
    handle: async ({ context, params, form }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      await getService(context.strapi, 'notifications').followRound(round.documentId, context.user!.id, text(form, 'follow') === 'yes');
      return { redirect: context.href(`/rounds/${round.documentId}/follow`) };
    },
  }),
];
