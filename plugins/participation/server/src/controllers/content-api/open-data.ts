import type { Core } from '@strapi/strapi';
import { openDataRoutes as routes } from '../../routes/content-api/open-data';
import type { Dataset, ExportFormat } from '../../services/open-data';
import { getService } from '../../utils/get-service';
import { handle, type RouteContext } from './handle';

const MEDIA_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'reports');

  /**
   * A streamed export: its ETag first (a cheap read), 304 when the caller holds that version, otherwise
   * the stream. Not through `handle`, which would send the declared 200 in place of the 304.
   */
  const exportOf =
    (dataset: Dataset, format: ExportFormat) =>
    async (ctx: RouteContext<(typeof routes)['budgetLinesCsv']>) => {
      const { municipalityCode } = ctx.state.input.params;
      const openData = getService(strapi, 'open-data');
      ctx.set('ETag', await openData.etag(dataset, format, municipalityCode));
      // Public and unchanged until the ETag changes; a minute before asking again.
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.status = 200;
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.type = MEDIA_TYPES[format];
      ctx.set('Content-Disposition', `attachment; filename="${municipalityCode}-${dataset}.${format}"`);
      ctx.body = openData.stream(dataset, format, municipalityCode);
    };

  return {
    moneyByMarker: handle(routes.moneyByMarker, async ({ params, query }) => ({ data: await reports().moneyByMarker(params.municipalityCode, query.fiscalYear) })),
    moneyByMarkerCsv: handle(routes.moneyByMarkerCsv, async ({ params, query }, ctx) => {
      const csv = await reports().moneyByMarkerCsv(params.municipalityCode, query.fiscalYear);
      ctx.type = MEDIA_TYPES.csv;
      ctx.set('Content-Disposition', `attachment; filename="${params.municipalityCode}-${query.fiscalYear}-money-by-marker.csv"`);
      return csv;
    }),
    roundParticipation: handle(routes.roundParticipation, async ({ params, query }) => ({ data: await reports().roundParticipation(params.roundId, query) })),
    roundParticipationCsv: handle(routes.roundParticipationCsv, async ({ params }, ctx) => {
      const csv = await reports().roundParticipationCsv(params.roundId);
      ctx.type = MEDIA_TYPES.csv;
      ctx.set('Content-Disposition', `attachment; filename="round-${params.roundId}-participation.csv"`);
      return csv;
    }),
    programmeIndicators: handle(routes.programmeIndicators, async ({ query }) => ({
      data: await reports().programmeIndicators(query.municipalities.split(','), query.fromYear, query.toYear),
    })),
    programmeIndicatorsCsv: handle(routes.programmeIndicatorsCsv, async ({ query }, ctx) => {
      const csv = await reports().programmeIndicatorsCsv(query.municipalities.split(','), query.fromYear, query.toYear);
      ctx.type = MEDIA_TYPES.csv;
      ctx.set('Content-Disposition', `attachment; filename="programme-indicators-${query.fromYear}-${query.toYear}.csv"`);
      return csv;
    }),
    budgetLinesCsv: exportOf('budget-lines', 'csv'),
    budgetLinesJson: exportOf('budget-lines', 'json'),
    proposalsCsv: exportOf('proposals', 'csv'),
    proposalsJson: exportOf('proposals', 'json'),
    decisionsCsv: exportOf('decisions', 'csv'),
    decisionsJson: exportOf('decisions', 'json'),
    roundResultsCsv: exportOf('round-results', 'csv'),
    roundResultsJson: exportOf('round-results', 'json'),
    implementationCsv: exportOf('implementation', 'csv'),
    implementationJson: exportOf('implementation', 'json'),
    consultationSummariesCsv: exportOf('consultation-summaries', 'csv'),
    consultationSummariesJson: exportOf('consultation-summaries', 'json'),
    commitmentsCsv: exportOf('commitments', 'csv'),
    commitmentsJson: exportOf('commitments', 'json'),
  };
};
