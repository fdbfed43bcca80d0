/**
 * Consent a facilitator records for someone whose participation they enter: an assisted or paper ballot,
 * offline consultation input, a paper attendance line with demographics. One shape everywhere
 * (`RecordedConsent` in shared/contracts/common.ts): that it was given, how, and an optional note.
 */
import { z } from 'zod';
import type { RecordedConsent } from '../../../../shared/contracts/common';
import { plainText } from '../text/plain-text';

/** How a person gave the consent someone records for them. */
export const CONSENT_METHODS = ['signed-form', 'verbal', 'guardian'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const recordedConsentSchema = z
  .object({
    given: z.literal(true, 'must be true: nothing is recorded for a person without their consent'),
    method: z.enum(CONSENT_METHODS),
    note: plainText(1000, { min: 0 }).optional(),
  })
  .strict() satisfies z.ZodType<RecordedConsent>;

/** The columns every record made with consent keeps: when, how, and the note if any. */
export const consentColumns = (consent: RecordedConsent, at: Date) => ({ consentRecordedAt: at, consentMethod: consent.method, consentNote: consent.note ?? null });
