import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { attendanceBody, listMeetingsQuery, listRegistrationsQuery, meetingBody, minutesBody, registrationBody } from '../../routes/content-api/validation/dialogue-groups';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const meetings = () => strapi.plugin('participation').service('meeting');

  return {
    async find(ctx: any) {
      ctx.body = await meetings().find(validateRequest(listMeetingsQuery, ctx.query, 'query'));
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await meetings().findOne(ctx.params.meetingId) };
    },

    async create(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(meetingBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await meetings().create(ctx.params.municipalityCode, data, ctx.state.user.id) };
    },

    async update(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(meetingBody, ctx.request.body, 'body');
      ctx.body = { data: await meetings().update(ctx.params.municipalityCode, ctx.params.meetingId, data) };
    },

    async register(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const registering = ctx.method === 'PUT';
      const { data } = registering ? validateRequest(registrationBody, ctx.request.body, 'body') : { data: {} as { accessibilityNeeds?: string } };
      ctx.body = { data: await meetings().register(ctx.params.meetingId, ctx.state.user.id, data.accessibilityNeeds, registering) };
    },

    async findRegistrations(ctx: any) {
      const page = validateRequest(listRegistrationsQuery, ctx.query, 'query');
      ctx.body = await meetings().listRegistrations(ctx.params.municipalityCode, ctx.params.meetingId, page);
    },

    async recordAttendance(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(attendanceBody, ctx.request.body, 'body');
      ctx.body = { data: await meetings().recordAttendance(ctx.params.municipalityCode, ctx.params.meetingId, data.attendees, ctx.state.user.id) };
    },

    async publishMinutes(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(minutesBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await meetings().publishMinutes(ctx.params.municipalityCode, ctx.params.meetingId, data) };
    },
  };
};
