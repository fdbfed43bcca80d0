import type { Core } from '@strapi/strapi';
import { statisticsRoutes as routes } from '../../routes/content-api/statistics';
import { getService } from '../../utils/get-service';
import { handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const statistics = () => getService(strapi, 'statistics');
  return {
    forum: handle(routes.forum, async ({ params, query }) => ({ data: await statistics().forForum(params.forumId, query) })),
    meeting: handle(routes.meeting, async ({ params, query }) => ({ data: await statistics().forMeeting(params.meetingId, query) })),
    consultation: handle(routes.consultation, async ({ params, query }) => ({ data: await statistics().forConsultation(params.consultationId, query) })),
  };
};
