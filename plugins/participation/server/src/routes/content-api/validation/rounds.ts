import { z } from 'zod';
import { PHASE_ACTION_NAMES, ROUND_PHASES } from '../../../domain/rounds/phases';
import { roundSettingsSchema } from '../../../domain/rounds/round-settings';
import { proposalInputSchema, reviewActionSchema } from '../../../domain/proposals/proposal-input';
import { PROPOSAL_STATUSES } from '../../../domain/proposals/statuses';
import { ballotChoicesSchema } from '../../../domain/voting/ballot-choices';
import { ASSISTED_CHANNELS } from '../../../domain/voting/channels';
import { recordedConsentSchema } from '../../../domain/consent/recorded-consent';
import { isoDate as calendarDate, listOf, pageQuery } from './common';

// The only dates here are birth dates: a calendar date, not in the future and not before 1900.
const isoDate = calendarDate
  .refine((value) => value <= new Date().toISOString().slice(0, 10), 'is in the future')
  .refine((value) => value >= '1900-01-01', 'is before 1900');

export const listRoundsQuery = z
  .object({ municipality: z.string().min(1).max(32).optional(), phase: z.enum(ROUND_PHASES).optional(), ...pageQuery })
  .strict();

export const roundBody = z.object({ data: roundSettingsSchema }).strict();
export const transitionBody = z.object({ action: z.enum(PHASE_ACTION_NAMES) }).strict();

export const listProposalsQuery = z
  .object({ status: listOf(z.enum(PROPOSAL_STATUSES)).optional(), districtCode: z.string().max(32).optional(), ...pageQuery })
  .strict();
export const proposalBody = z.object({ data: proposalInputSchema }).strict();
export const reviewBody = reviewActionSchema;

export const castBallotBody = z.object({ districtCode: z.string().max(32).optional(), choices: ballotChoicesSchema }).strict();

export const castAssistedBallotBody = z
  .object({
    districtCode: z.string().max(32).optional(),
    channel: z.enum(ASSISTED_CHANNELS),
    participant: z.union([
      z.object({ userId: z.number().int().positive() }).strict(),
      z
        .object({
          /** e.g. an ID-card number or the paper form's number: only a keyed hash is kept. */
          offlineReference: z.string().trim().min(4).max(120),
          residenceMunicipalityCode: z.string().min(1).max(32),
          birthDate: isoDate.optional(),
        })
        .strict(),
    ]),
    consent: recordedConsentSchema,
    choices: ballotChoicesSchema,
  })
  .strict();

export const exportBallotsQuery = z.object({ district: z.string().max(32).default('') }).strict();

export const profileBody = z
  .object({
    data: z
      .object({ residenceMunicipalityCode: z.string().min(1).max(32).nullable(), birthDate: isoDate.nullable() })
      .strict(),
  })
  .strict();
