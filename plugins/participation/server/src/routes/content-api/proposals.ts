import { z } from 'zod';
import { proposalAnswerSchema, proposalListSchema } from '../../../../shared/contracts/rounds';
import { proposalInputSchema, reviewActionSchema } from '../../domain/proposals/proposal-input';
import { declareRoute } from './declare-route';
import { proposalFiltersQuery } from './validation/proposals';

const proposalBody = z.object({ data: proposalInputSchema }).strict();

export const proposalRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/rounds/:roundId/proposals',
    action: 'proposal.find',
    summary: "A round's proposals, in ballot order; narrowed by status, district, target group, markers and words",
    query: proposalFiltersQuery,
    response: proposalListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/proposals/:proposalId',
    action: 'proposal.findOne',
    summary: 'One proposal with its public status history',
    response: proposalAnswerSchema,
  }),
  create: declareRoute({
    method: 'POST',
    path: '/rounds/:roundId/proposals',
    action: 'proposal.create',
    summary: 'Submit a proposal to a round taking proposals',
    body: proposalBody,
    response: proposalAnswerSchema,
    status: 201,
  }),
  update: declareRoute({
    method: 'PUT',
    path: '/proposals/:proposalId',
    action: 'proposal.update',
    summary: 'Change your own proposal, until review starts',
    body: proposalBody,
    response: proposalAnswerSchema,
  }),
  withdraw: declareRoute({
    method: 'POST',
    path: '/proposals/:proposalId/withdraw',
    action: 'proposal.withdraw',
    summary: 'Withdraw your own proposal, until review starts',
    response: proposalAnswerSchema,
  }),
  review: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/proposals/:proposalId/review',
    action: 'proposal.review',
    summary: "Staff's review of a proposal: start, feasible with a cost estimate, infeasible with the published reason, completed",
    body: reviewActionSchema,
    response: proposalAnswerSchema,
  }),
};
