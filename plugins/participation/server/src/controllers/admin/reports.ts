import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { programmeQuery } from '../../routes/content-api/open-data';
import { getService } from '../../utils/get-service';
import { validateRequest } from '../../utils/validate';

/** The public API's own questions (routes/content-api/open-data.ts): a fiscal year, or a span of them. */
const fiscalYearQuery = z.strictObject({ fiscalYear: programmeQuery.shape.fromYear });
const yearSpanQuery = programmeQuery.omit({ municipalities: true });

/**
 * The reports the portal's budget and programme pages show, for the administrator's overview and
 * programme screens: answered by the same reports service, never computed a second time.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'reports');
  return {
    async moneyByMarker(ctx: Context) {
      const { fiscalYear } = validateRequest(fiscalYearQuery, ctx.query, 'query');
      ctx.body = { data: await reports().moneyByMarker(String(ctx.params.municipalityCode), fiscalYear) };
    },

    async municipalityIndicators(ctx: Context) {
      const { fromYear, toYear } = validateRequest(yearSpanQuery, ctx.query, 'query');
      ctx.body = { data: await reports().programmeIndicators([String(ctx.params.municipalityCode)], fromYear, toYear) };
    },

    async programmeIndicators(ctx: Context) {
      const { municipalities, fromYear, toYear } = validateRequest(programmeQuery, ctx.query, 'query');
      ctx.body = { data: await reports().programmeIndicators(municipalities.split(','), fromYear, toYear) };
    },
  };
};
