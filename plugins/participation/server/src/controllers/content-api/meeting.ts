import type { Core } from '@strapi/strapi';
import { meetingRoutes as routes } from '../../routes/content-api/meetings';
import { getService } from '../../utils/get-service';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const meetings = () => getService(strapi, 'meeting');
  return {
    find: handle(routes.find, async ({ query }) => meetings().find(query)),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await meetings().findOne(params.meetingId) })),
    create: handle(routes.create, async ({ params, body }, ctx) => ({ data: await meetings().create(params.municipalityCode, body.data, callerOf(ctx).id) })),
    update: handle(routes.update, async ({ params, body }) => ({ data: await meetings().update(params.municipalityCode, params.meetingId, body.data) })),
    register: handle(routes.register, async ({ params, body }, ctx) => ({
      data: await meetings().register(params.meetingId, callerOf(ctx).id, body.data.accessibilityNeeds),
    })),
    unregister: handle(routes.unregister, async ({ params }, ctx) => ({ data: await meetings().unregister(params.meetingId, callerOf(ctx).id) })),
    findRegistrations: handle(routes.findRegistrations, async ({ params, query }) => meetings().listRegistrations(params.municipalityCode, params.meetingId, query)),
    recordAttendance: handle(routes.recordAttendance, async ({ params, body }, ctx) => ({
      data: await meetings().recordAttendance(params.municipalityCode, params.meetingId, body.data.attendees, callerOf(ctx).id),
    })),
    publishMinutes: handle(routes.publishMinutes, async ({ params, body }) => ({ data: await meetings().publishMinutes(params.municipalityCode, params.meetingId, body.data) })),
  };
};
