import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import {
  commitmentUpdateBody,
  dialogueGroupBody,
  listByMunicipalityQuery,
  listCommitmentsQuery,
  memberBody,
  recommendationProposalBody,
} from '../../routes/content-api/validation/dialogue-groups';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const groups = () => strapi.plugin('participation').service('dialogue-group');
  const commitments = () => strapi.plugin('participation').service('commitment');

  return {
    async find(ctx: any) {
      ctx.body = await groups().find(validateRequest(listByMunicipalityQuery, ctx.query, 'query'));
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await groups().findOne(ctx.params.groupId) };
    },

    async create(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(dialogueGroupBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await groups().create(ctx.params.municipalityCode, data, ctx.state.user.id) };
    },

    async update(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(dialogueGroupBody, ctx.request.body, 'body');
      ctx.body = { data: await groups().update(ctx.params.municipalityCode, ctx.params.groupId, data) };
    },

    async addMember(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(memberBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await groups().addMember(ctx.params.municipalityCode, ctx.params.groupId, data) };
    },

    async removeMember(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await groups().removeMember(ctx.params.municipalityCode, ctx.params.groupId, ctx.params.memberId) };
    },

    async findCommitments(ctx: any) {
      ctx.body = await commitments().find(ctx.params.groupId, validateRequest(listCommitmentsQuery, ctx.query, 'query'));
    },

    async updateCommitment(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(commitmentUpdateBody, ctx.request.body, 'body');
      ctx.body = { data: await commitments().updateStatus(ctx.params.municipalityCode, ctx.params.commitmentId, data) };
    },

    async recommendationToProposal(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(recommendationProposalBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await commitments().toProposal(ctx.params.municipalityCode, ctx.params.commitmentId, data, ctx.state.user.id) };
    },
  };
};
