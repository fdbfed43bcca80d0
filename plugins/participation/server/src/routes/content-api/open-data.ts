import { z } from 'zod';
import { moneyByMarkerAnswerSchema, programmeIndicatorsAnswerSchema, roundParticipationStatisticsAnswerSchema } from '../../../../shared/contracts/reports';
import { declareRoute } from './declare-route';

const fiscalYearQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100) }).strict();

/** Filters by category, as the other statistics; the domain names unknown categories and too many filters (400). */
const statisticsFilters = z
  .object({
    gender: z.string().max(40).optional(),
    ageBand: z.string().max(40).optional(),
    disability: z.string().max(40).optional(),
    minorityGroup: z.string().max(40).optional(),
  })
  .strict();

/** A programme: municipality codes separated by commas, and a span of fiscal years (the portal's programme form too). */
export const programmeQuery = z
  .object({
    municipalities: z.string().regex(/^[A-Za-z0-9-]{1,32}(,[A-Za-z0-9-]{1,32}){0,99}$/, 'municipality codes separated by commas, at most 100'),
    fromYear: z.coerce.number().int().min(2000).max(2100),
    toYear: z.coerce.number().int().min(2000).max(2100),
  })
  .strict();

/** A streamed file: the schema documents its type; the stream itself is checked by its producer. */
const file = z.string();

/** Open-data exports: stable public addresses, documented in docs/open-data.md. */
export const openDataRoutes = {
  moneyByMarker: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/money-by-marker',
    action: 'open-data.moneyByMarker',
    summary: "A fiscal year's budget and participatory funding by SDG 5.c.1 gender category and youth marker, with shares",
    query: fiscalYearQuery,
    response: moneyByMarkerAnswerSchema,
  }),
  moneyByMarkerCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/money-by-marker.csv',
    action: 'open-data.moneyByMarkerCsv',
    summary: 'The money-by-marker report as CSV (UTF-8 with BOM)',
    query: fiscalYearQuery,
    response: file,
    produces: 'text/csv',
  }),
  roundParticipation: declareRoute({
    method: 'GET',
    path: '/rounds/:roundId/participation-statistics',
    action: 'open-data.roundParticipation',
    summary: "A round's voters (by channel) and proposal authors per district, disaggregated and suppressed below k, once voting has closed",
    query: statisticsFilters,
    response: roundParticipationStatisticsAnswerSchema,
  }),
  roundParticipationCsv: declareRoute({
    method: 'GET',
    path: '/rounds/:roundId/participation-statistics.csv',
    action: 'open-data.roundParticipationCsv',
    summary: "A round's participation statistics (one-way tables) as CSV (UTF-8 with BOM)",
    response: file,
    produces: 'text/csv',
  }),
  programmeIndicators: declareRoute({
    method: 'GET',
    path: '/programme-indicators',
    action: 'open-data.programmeIndicators',
    summary: "A programme's figure sheet for a set of municipalities and fiscal years, people's counts from suppressed statistics",
    query: programmeQuery,
    response: programmeIndicatorsAnswerSchema,
  }),
  programmeIndicatorsCsv: declareRoute({
    method: 'GET',
    path: '/programme-indicators.csv',
    action: 'open-data.programmeIndicatorsCsv',
    summary: 'The programme indicators as CSV (UTF-8 with BOM)',
    query: programmeQuery,
    response: file,
    produces: 'text/csv',
  }),
  budgetLinesCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/budget-lines.csv',
    action: 'open-data.budgetLinesCsv',
    summary: "All the municipality's budget lines as CSV (UTF-8 with BOM), streamed; ETag for caching",
    response: file,
    produces: 'text/csv',
  }),
  budgetLinesJson: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/budget-lines.json',
    action: 'open-data.budgetLinesJson',
    summary: "All the municipality's budget lines as JSON, streamed; ETag for caching",
    response: file,
    produces: 'application/json',
  }),
  proposalsCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/proposals.csv',
    action: 'open-data.proposalsCsv',
    summary: "All the municipality's proposals with their status history as CSV (UTF-8 with BOM), streamed; ETag for caching",
    response: file,
    produces: 'text/csv',
  }),
  proposalsJson: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/proposals.json',
    action: 'open-data.proposalsJson',
    summary: "All the municipality's proposals with their status history as JSON, streamed; ETag for caching",
    response: file,
    produces: 'application/json',
  }),
  decisionsCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/decisions.csv',
    action: 'open-data.decisionsCsv',
    summary: "The municipality's decision log with hashes as CSV (UTF-8 with BOM), streamed; ETag for caching",
    response: file,
    produces: 'text/csv',
  }),
  decisionsJson: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/decisions.json',
    action: 'open-data.decisionsJson',
    summary: "The municipality's decision log with hashes as JSON, streamed; ETag for caching",
    response: file,
    produces: 'application/json',
  }),
  roundResultsCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/round-results.csv',
    action: 'open-data.roundResultsCsv',
    summary: "The municipality's published round results per district and proposal, with support and money spent as CSV (UTF-8 with BOM), streamed; ETag for caching",
    response: file,
    produces: 'text/csv',
  }),
  roundResultsJson: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/round-results.json',
    action: 'open-data.roundResultsJson',
    summary: "The municipality's published round results per district and proposal, with support and money spent as JSON, streamed; ETag for caching",
    response: file,
    produces: 'application/json',
  }),
  implementationCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/implementation.csv',
    action: 'open-data.implementationCsv',
    summary: "The municipality's funded projects' implementation progress: funding, spending, progress and milestones as CSV (UTF-8 with BOM), streamed; ETag for caching",
    response: file,
    produces: 'text/csv',
  }),
  implementationJson: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/implementation.json',
    action: 'open-data.implementationJson',
    summary: "The municipality's funded projects' implementation progress: funding, spending, progress and milestones as JSON, streamed; ETag for caching",
    response: file,
    produces: 'application/json',
  }),
  consultationSummariesCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/consultation-summaries.csv',
    action: 'open-data.consultationSummariesCsv',
    summary: "The municipality's published consultation summaries with their suppressed participation figures as CSV (UTF-8 with BOM), streamed; ETag for caching",
    response: file,
    produces: 'text/csv',
  }),
  consultationSummariesJson: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/consultation-summaries.json',
    action: 'open-data.consultationSummariesJson',
    summary: "The municipality's published consultation summaries with their suppressed participation figures as JSON, streamed; ETag for caching",
    response: file,
    produces: 'application/json',
  }),
  commitmentsCsv: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/commitments.csv',
    action: 'open-data.commitmentsCsv',
    summary: "The municipality's dialogue groups' commitments register with each status history as CSV (UTF-8 with BOM), streamed; ETag for caching",
    response: file,
    produces: 'text/csv',
  }),
  commitmentsJson: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/open-data/commitments.json',
    action: 'open-data.commitmentsJson',
    summary: "The municipality's dialogue groups' commitments register with each status history as JSON, streamed; ETag for caching",
    response: file,
    produces: 'application/json',
  }),
};
