import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { dialogueGroupRoutes as routes } from '../../routes/content-api/dialogue-groups';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const groups = () => getService(strapi, 'dialogue-group');
  const commitments = () => getService(strapi, 'commitment');

  return {
    find: handle(routes.find, async ({ query }) => groups().find(query)),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await groups().findOne(params.groupId) })),
    create: handle(routes.create, async ({ params, body }, ctx) => ({ data: await groups().create(params.municipalityCode, body.data, callerOf(ctx).id) })),
    update: handle(routes.update, async ({ params, body }) => ({ data: await groups().update(params.municipalityCode, params.groupId, body.data) })),
    addMember: handle(routes.addMember, async ({ params, body }) => ({ data: await groups().addMember(params.municipalityCode, params.groupId, body.data) })),
    removeMember: handle(routes.removeMember, async ({ params }) => ({
      data: await groups().removeMember(params.municipalityCode, params.groupId, params.memberId),
    })),
    findCommitments: handle(routes.findCommitments, async ({ params, query }) => commitments().find(params.groupId, query)),
    updateCommitment: handle(routes.updateCommitment, async ({ params, body }) => ({
      data: await commitments().updateStatus(params.municipalityCode, params.commitmentId, body.data),
    })),
    recommendationToProposal: handle(routes.recommendationToProposal, async ({ params, body }, ctx) => ({
      data: await commitments().toProposal(params.municipalityCode, params.commitmentId, body.data, callerOf(ctx).id),
    })),
  };
};
