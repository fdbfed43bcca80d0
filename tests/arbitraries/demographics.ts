/**
 * Random demographic records for the statistics domain's property tests (plugins/…/domain/statistics).
 * Here rather than beside them: the build compiles every file there that is not a test.
 */
import fc from 'fast-check';
import { DIMENSIONS, type DemographicRecord, type Dimension } from '../../plugins/participation/server/src/domain/statistics/demographics';

/** Any category of the dimension, each as likely. */
export const anyCategory = (dimension: Dimension): fc.Arbitrary<string> => fc.constantFrom(...DIMENSIONS[dimension]);

/** One person: a category in every dimension, each drawn by `categoryOf`. */
export const demographicRecordArbitrary = (categoryOf: (dimension: Dimension) => fc.Arbitrary<string> = anyCategory) =>
  fc.record({
    gender: categoryOf('gender'),
    ageBand: categoryOf('ageBand'),
    disability: categoryOf('disability'),
    minorityGroup: categoryOf('minorityGroup'),
  }) as fc.Arbitrary<DemographicRecord>;
