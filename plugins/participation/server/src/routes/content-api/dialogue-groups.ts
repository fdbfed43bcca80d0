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
import {
  commitmentUpdateBody,
  dialogueGroupBody,
  listByMunicipalityQuery,
  listCommitmentsQuery,
  memberBody,
  recommendationProposalBody,
} from './validation/dialogue-groups';

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
    response: dialogueGroupAnswerSchema,
  }),
  create: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/dialogue-groups',
    action: 'dialogue-group.create',
    summary: 'Set up a dialogue group',
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
    body: dialogueGroupBody,
    response: dialogueGroupAnswerSchema,
    limitBody: true,
  }),
  addMember: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/dialogue-groups/:groupId/members',
    action: 'dialogue-group.addMember',
    summary: 'Add a member (a person or an organisation), on a reserved seat or not',
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
    response: dialogueGroupAnswerSchema,
  }),
  findCommitments: declareRoute({
    method: 'GET',
    path: '/dialogue-groups/:groupId/commitments',
    action: 'dialogue-group.findCommitments',
    summary: "The group's commitments register, with each commitment's status",
    query: listCommitmentsQuery,
    response: commitmentListSchema,
  }),
  updateCommitment: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/commitments/:commitmentId',
    action: 'dialogue-group.updateCommitment',
    summary: "Change a commitment's status, with a note",
    body: commitmentUpdateBody,
    response: commitmentAnswerSchema,
    limitBody: true,
  }),
  recommendationToProposal: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/commitments/:commitmentId/proposal',
    action: 'dialogue-group.recommendationToProposal',
    summary: 'Turn a recommendation into a proposal in a round of the municipality',
    body: recommendationProposalBody,
    response: single(z.strictObject({ commitment: commitmentSchema, proposal: proposalSchema })),
    status: 201,
    limitBody: true,
  }),
};
