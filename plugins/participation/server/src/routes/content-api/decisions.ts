import {
  decisionLogCheckpointSchema,
  decisionLogEntryAnswerSchema,
  decisionLogExportSchema,
  decisionLogPageSchema,
  decisionLogVerificationSchema,
  publishDecisionAnswerSchema,
  signingKeySchema,
} from '../../../../shared/contracts/decisions';
import { single } from '../../../../shared/contracts/common';
import { declareRoute } from './declare-route';
import { checkpointQuery, decisionBody, listDecisionsQuery, verifyLogQuery } from './validation/decisions';

export const decisionRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/decisions',
    action: 'decision.find',
    summary: "The municipality's decision log, newest first unless sorted otherwise",
    query: listDecisionsQuery,
    response: decisionLogPageSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/decisions/:sequence',
    action: 'decision.findOne',
    summary: 'One entry of the decision log by its sequence number',
    response: decisionLogEntryAnswerSchema,
  }),
  verifyLog: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/decision-log/verify',
    action: 'decision.verifyLog',
    summary: 'Check the hash chain, optionally against a signed checkpoint you kept (all four fields)',
    query: verifyLogQuery,
    response: single(decisionLogVerificationSchema),
  }),
  exportLog: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/decision-log/export',
    action: 'decision.exportLog',
    summary: 'The whole chain as a file, for offline verification (`npm run verify-log`)',
    response: decisionLogExportSchema,
  }),
  checkpoint: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/decision-log/checkpoint',
    action: 'decision.checkpoint',
    summary: 'The latest signed checkpoint, or the one issued at `size` entries',
    query: checkpointQuery,
    response: single(decisionLogCheckpointSchema),
  }),
  signingKey: declareRoute({
    method: 'GET',
    path: '/decision-log/signing-key',
    action: 'decision.signingKey',
    summary: "The public key that signs every municipality's checkpoints",
    response: single(signingKeySchema),
  }),
  publish: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/decisions',
    action: 'decision.publish',
    summary: 'Publish a decision (or a correction) to the append-only log; answers the entry and its signed checkpoint',
    body: decisionBody,
    response: publishDecisionAnswerSchema,
    status: 201,
  }),
};
