import { participatorySpendingSchema, projectImplementationSchema } from '../../../../shared/contracts/decisions';
import { single } from '../../../../shared/contracts/common';
import { declareRoute } from './declare-route';
import { implementationBody } from './validation/decisions';

export const implementationRoutes = {
  findOne: declareRoute({
    method: 'GET',
    path: '/proposals/:proposalId/implementation',
    action: 'implementation.findOne',
    summary: 'How a funded proposal is being carried out: funding, spending, progress, milestones',
    response: single(projectImplementationSchema),
  }),
  budgetLineSpending: declareRoute({
    method: 'GET',
    path: '/budget-lines/:documentId/participatory-spending',
    action: 'implementation.budgetLineSpending',
    summary: 'What participatory projects commit to and spend from a budget line',
    response: single(participatorySpendingSchema),
  }),
  update: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/proposals/:proposalId/implementation',
    action: 'implementation.update',
    summary: "Record a funded proposal's progress, spending and milestones (the whole state)",
    body: implementationBody,
    response: single(projectImplementationSchema),
  }),
};
