import { z } from 'zod';
import { decimalStringSchema, single } from './common';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../server/src/domain/budget-lines/markers';

/** A percent with two decimals ("74.99"), or null when the whole it is a share of is nothing. */
const shareSchema = z.string().regex(/^\d{1,3}\.\d{2}$/).nullable();

const amountKinds = { approved: decimalStringSchema, revised: decimalStringSchema, committed: decimalStringSchema, spent: decimalStringSchema };

const markerGroupSchema = <Markers extends readonly [string, ...string[]]>(markers: Markers) =>
  z.strictObject({
    marker: z.enum(markers),
    lines: z.number().int(),
    amounts: z.strictObject(amountKinds),
    shares: z.strictObject({ approved: shareSchema, revised: shareSchema, committed: shareSchema, spent: shareSchema }),
    participatory: z.strictObject({
      selectedProjects: z.number().int(),
      selected: decimalStringSchema,
      selectedShare: shareSchema,
      fundedProjects: z.number().int(),
      funded: decimalStringSchema,
      fundedShare: shareSchema,
    }),
  });

export const moneyByMarkerSchema = z.strictObject({
  municipalityCode: z.string(),
  fiscalYear: z.number().int(),
  totals: z.strictObject({ lines: z.number().int(), ...amountKinds, participatorySelected: decimalStringSchema, participatoryFunded: decimalStringSchema }),
  byGender: z.array(markerGroupSchema(GENDER_MARKERS)),
  byYouth: z.array(markerGroupSchema(YOUTH_MARKERS)),
  /** Each reserved share of the year's counted rounds, per district: required against spent, as the count published it. */
  reservedShares: z.array(
    z.strictObject({
      roundDocumentId: z.string(),
      roundTitle: z.string(),
      districtCode: z.string(),
      marker: z.string(),
      share: z.string(),
      required: z.string(),
      spent: z.string(),
      met: z.boolean(),
    })
  ),
});
export type MoneyByMarkerReport = z.infer<typeof moneyByMarkerSchema>;
export const moneyByMarkerAnswerSchema = single(moneyByMarkerSchema);
