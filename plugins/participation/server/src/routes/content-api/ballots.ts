import { z } from 'zod';
import {
  castAssistedBallotAnswerSchema,
  castBallotAnswerSchema,
  receiptCheckAnswerSchema,
  roundParticipationSchema,
} from '../../../../shared/contracts/rounds';
import { ballotChoicesSchema } from '../../domain/voting/ballot-choices';
import { ASSISTED_CHANNELS } from '../../domain/voting/channels';
import { recordedConsentSchema } from '../../domain/consent/recorded-consent';
import { declareRoute } from './declare-route';
import { pageQuery } from './validation/common';
import { birthDate } from './validation/birth-date';
import { demographicDeclarationSchema } from '../../domain/statistics/demographics';

const districtCode = z.string().max(32).optional();

export const ballotRoutes = {
  cast: declareRoute({
    method: 'POST',
    path: '/rounds/:roundId/ballot',
    action: 'ballot.cast',
    summary: 'Cast your ballot in a voting round, or replace the one you cast; answers the receipt',
    body: z.object({ districtCode, choices: ballotChoicesSchema }).strict(),
    response: castBallotAnswerSchema,
    status: 201,
  }),
  castAssisted: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/rounds/:roundId/assisted-ballots',
    action: 'ballot.castAssisted',
    summary: "A facilitator records an assisted or paper ballot with the participant's consent, in their own name",
    body: z
      .object({
        districtCode,
        channel: z.enum(ASSISTED_CHANNELS),
        participant: z.union([
          z.object({ userId: z.number().int().positive() }).strict(),
          z
            .object({
              /** e.g. an ID-card number or the paper form's number: only a keyed hash is kept. */
              offlineReference: z.string().trim().min(4).max(120),
              residenceMunicipalityCode: z.string().min(1).max(32),
              birthDate: birthDate.optional(),
              /** What the person stated about themselves (with its own `consent: true`): counted in the round's statistics, never beside the ballot. */
              demographics: demographicDeclarationSchema.optional(),
            })
            .strict(),
        ]),
        consent: recordedConsentSchema,
        choices: ballotChoicesSchema,
      })
      .strict(),
    response: castAssistedBallotAnswerSchema,
    // Recorded, but it may stand as a conflict for staff if the person had voted online themselves.
    status: 202,
  }),
  verifyReceipt: declareRoute({
    method: 'GET',
    path: '/rounds/:roundId/receipts/:receiptCode',
    action: 'ballot.verifyReceipt',
    summary: 'Check a receipt against the published ballot set, once voting has closed',
    response: receiptCheckAnswerSchema,
  }),
  participation: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/rounds/:roundId/participation',
    action: 'ballot.participation',
    summary: 'Who took part in a round and by which channel (never how anyone voted), with conflicts to settle',
    query: z.object(pageQuery),
    response: roundParticipationSchema,
  }),
};
