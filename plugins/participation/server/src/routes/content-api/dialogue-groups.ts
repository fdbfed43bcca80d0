import { z } from 'zod';
import {
  commitmentAnswerSchema,
  commitmentListSchema,
  commitmentSchema,
  dialogueGroupAnswerSchema,
  dialogueGroupListSchema,
} from '../../../../shared/contracts/dialogue-groups';
import { proposalSchema } from '../../../../shared/contracts/rounds';
import { single } from '../../../../shared/contracts/common';
import { declareRoute } from './declare-route';
import { documentIdSchema, municipalityCodeParam } from './validation/common';
import {
  commitmentUpdateBody,
  dialogueGroupBody,
  listByMunicipalityQuery,
  listCommitmentsQuery,
  memberBody,
  recommendationProposalBody,
} from './validation/dialogue-groups';

const groupInMunicipality = z.object({ municipalityCode: municipalityCodeParam, groupId: documentIdSchema });
const commitmentInMunicipality = z.object({ municipalityCode: municipalityCodeParam, commitmentId: documentIdSchema });

export const dialogueGroupRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/dialogue-groups',
    action: 'dialogue-group.find',
    summary: 'List Local Social Dialogue Groups, of one municipality if asked',
    query: listByMunicipalityQuery,
    response: dialogueGroupListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/dialogue-groups/:groupId',
    action: 'dialogue-group.findOne',
    summary: 'A dialogue group with its current members and its reserved seats',
    params: z.object({ groupId: documentIdSchema }),
    response: dialogueGroupAnswerSchema,
  }),
  create: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/dialogue-groups',
    action: 'dialogue-group.create',
    summary: 'Set up a dialogue group',
    params: z.object({ municipalityCode: municipalityCodeParam }),
    body: dialogueGroupBody,
    response: dialogueGroupAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  update: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/dialogue-groups/:groupId',
    action: 'dialogue-group.update',
    summary: 'Change a dialogue group (the whole description)',
    params: groupInMunicipality,
    body: dialogueGroupBody,
    response: dialogueGroupAnswerSchema,
    limitBody: true,
  }),
  addMember: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/dialogue-groups/:groupId/members',
    action: 'dialogue-group.addMember',
    summary: 'Add a member (a person or an organisation), on a reserved seat or not',
    params: groupInMunicipality,
    body: memberBody,
    response: dialogueGroupAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  removeMember: declareRoute({
    method: 'DELETE',
    path: '/municipalities/:municipalityCode/dialogue-groups/:groupId/members/:memberId',
    action: 'dialogue-group.removeMember',
    summary: 'A member leaves the group (kept in its history)',
    params: groupInMunicipality.extend({ memberId: documentIdSchema }),
    response: dialogueGroupAnswerSchema,
  }),
  findCommitments: declareRoute({
    method: 'GET',
    path: '/dialogue-groups/:groupId/commitments',
    action: 'dialogue-group.findCommitments',
    summary: "The group's commitments register, with each commitment's status",
    params: z.object({ groupId: documentIdSchema }),
    query: listCommitmentsQuery,
    response: commitmentListSchema,
  }),
  updateCommitment: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/commitments/:commitmentId',
    action: 'dialogue-group.updateCommitment',
    summary: "Change a commitment's status, with a note",
    params: commitmentInMunicipality,
    body: commitmentUpdateBody,
    response: commitmentAnswerSchema,
    limitBody: true,
  }),
  recommendationToProposal: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/commitments/:commitmentId/proposal',
    action: 'dialogue-group.recommendationToProposal',
    summary: 'Turn a recommendation into a proposal in a round of the municipality',
    params: commitmentInMunicipality,
    body: recommendationProposalBody,
    response: single(z.strictObject({ commitment: commitmentSchema, proposal: proposalSchema })),
    status: 201,
    limitBody: true,
  }),
};
