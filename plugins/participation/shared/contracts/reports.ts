import { z } from 'zod';
import { decimalStringSchema, single } from './common';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../server/src/domain/budget-lines/markers';
import { votingChannelSchema } from './rounds';
import { disaggregatedStatisticsSchema, publishedCountSchema } from './statistics';

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

/** A round's participation per district, published once voting closed (domain/reports/round-participation.ts). */
export const roundParticipationStatisticsSchema = z.strictObject({
  roundDocumentId: z.string(),
  municipalityCode: z.string(),
  fiscalYear: z.number().int(),
  k: z.number().int().min(2),
  districts: z.array(
    z.strictObject({
      districtCode: z.string(),
      voters: z.strictObject({ byChannel: z.record(votingChannelSchema, publishedCountSchema), statistics: disaggregatedStatisticsSchema }),
      proposalAuthors: z.strictObject({ statistics: disaggregatedStatisticsSchema }),
    })
  ),
});
export type RoundParticipationStatistics = z.infer<typeof roundParticipationStatisticsSchema>;
export const roundParticipationStatisticsAnswerSchema = single(roundParticipationStatisticsSchema);

/** A sum of published counts: a lower bound when some of the counts it adds were suppressed. */
const publishedSumSchema = z.strictObject({ count: z.number().int().min(0), suppressedCells: z.number().int().min(0) });

/** The figure sheet of a programme: municipalities and a span of years (domain/reports/programme-indicators.ts). */
export const programmeIndicatorsSchema = z.strictObject({
  municipalityCodes: z.array(z.string()),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  k: z.number().int().min(2),
  genderResponsiveRounds: z.strictObject({ municipalities: z.array(z.string()), rounds: z.number().int(), women: publishedSumSchema }),
  youthRounds: z.strictObject({ municipalities: z.array(z.string()), rounds: z.number().int(), youngPeople: publishedSumSchema }),
  personsWithDisabilities: publishedSumSchema,
  romaAndEgyptians: publishedSumSchema,
  proposalsFromRecommendations: z.number().int(),
  commitmentsFulfilled: z.number().int(),
  decisionsPublished: z.number().int(),
});
export type ProgrammeIndicators = z.infer<typeof programmeIndicatorsSchema>;
export const programmeIndicatorsAnswerSchema = single(programmeIndicatorsSchema);
