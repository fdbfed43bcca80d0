/**
 * Self-declared demographics and disaggregated statistics with k-suppression. Framework-free: the
 * services categorise stored declarations and call {@link disaggregate}; see docs/statistics.md.
 */
export {
  categorise,
  demographicDeclarationSchema,
  DIMENSION_NAMES,
  DIMENSIONS,
  type CategoryOf,
  type DemographicDeclaration,
  type DemographicRecord,
  type Dimension,
} from './demographics';
export {
  disaggregate,
  publishBreakdown,
  publishStatistics,
  queryStatistics,
  StatisticsQueryError,
  type Breakdown,
  type DisaggregatedReport,
  type PublishedCount,
  type StatisticsFilters,
  type StatisticsPublication,
} from './disaggregate';
export {
  calendarMonth,
  consultationIsClosed,
  fromStoredPublication,
  meetingIsClosed,
  periodIsClosed,
  toStoredPublication,
  type Period,
  type StoredPublication,
} from './publication';
