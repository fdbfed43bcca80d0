import { z } from 'zod';
import {
  phaseActionSchema,
  roundAnswerSchema,
  roundListSchema,
  roundPhaseSchema,
  roundResultAnswerSchema,
} from '../../../../shared/contracts/rounds';
import { roundSettingsSchema } from '../../domain/rounds/round-settings';
import { declareRoute } from './declare-route';
import { pageQuery } from './validation/common';

const settingsBody = z.object({ data: roundSettingsSchema }).strict();

export const roundRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/rounds',
    action: 'round.find',
    summary: 'List budgeting rounds, newest fiscal year first',
    query: z.object({ municipality: z.string().min(1).max(32).optional(), phase: roundPhaseSchema.optional(), ...pageQuery }),
    response: roundListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/rounds/:roundId',
    action: 'round.findOne',
    summary: 'One round: its rules, phase, running totals while voting and result once published',
    response: roundAnswerSchema,
  }),
  exportBallots: declareRoute({
    method: 'GET',
    path: '/rounds/:roundId/ballots.pb',
    action: 'round.exportBallots',
    summary: "A published round's anonymised ballots as a Pabulib file, one district at a time, for a recount",
    query: z.object({ district: z.string().max(32).default('') }),
    response: z.string(),
    produces: 'text/plain',
  }),
  create: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/rounds',
    action: 'round.create',
    summary: 'Create a round, in its draft phase',
    body: settingsBody,
    response: roundAnswerSchema,
    status: 201,
  }),
  update: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/rounds/:roundId',
    action: 'round.update',
    summary: "Change a round's settings, until voting opens and they freeze",
    body: settingsBody,
    response: roundAnswerSchema,
  }),
  transition: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/rounds/:roundId/transitions',
    action: 'round.transition',
    summary: 'Move a round one phase on along the phase machine',
    body: z.object({ action: phaseActionSchema }).strict(),
    response: roundAnswerSchema,
  }),
  count: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/rounds/:roundId/count',
    action: 'round.count',
    summary: "Count the ballots with the round's rule, in its counting phase (published by publish-results)",
    response: roundResultAnswerSchema,
  }),
};
