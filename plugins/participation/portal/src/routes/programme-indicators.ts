import { createElement } from 'react';
import { getService } from '../../../server/src/utils/get-service';
import { programmeQuery } from '../../../server/src/routes/content-api/open-data';
import { portalRoute, text } from '../http/portal-route';
import { apiBaseOf } from '../http/api-base';
import { ProgrammeIndicatorsPage, type ProgrammeFormValues } from '../pages/ProgrammeIndicatorsPage';
import { fieldErrorsFor, refusedPaths, zodIssuePaths } from '../workspace/form-errors';
import type { FieldErrors } from '../components/ErrorSummary';
import type { ProgrammeIndicators } from '../../../shared/contracts/reports';

const FIELD_MESSAGES = {
  municipalities: 'programme.error.municipalities',
  fromYear: 'programme.error.year',
  toYear: 'programme.error.toYear',
} as const;

/** Every municipality, for the form's hint and its first values: fewer than a page of them. */
const ALL = { page: 1, pageSize: 100 };

/**
 * GET /programme-indicators: the form alone until it is sent (filled with every municipality and this
 * year), then the figures. The query is checked with the API's own schema and the figures come from the
 * same reports service; a refusal is a 400 page with the message beside the field, values kept.
 */
export const programmeIndicatorsPages = [
  portalRoute({
    method: 'GET',
    path: '/programme-indicators',
    actions: ['municipality.find', 'open-data.programmeIndicators'],
    handle: async ({ query, context }) => {
      const title = context.i18n.t('programme.title');
      const { data: municipalities } = await getService(context.strapi, 'municipality').find(ALL);
      const apiBase = apiBaseOf(context.strapi);
      const sent = ['municipalities', 'fromYear', 'toYear'].some((field) => query[field] !== undefined);
      const year = String(new Date().getUTCFullYear());
      const values: ProgrammeFormValues = sent
        ? { municipalities: text(query, 'municipalities').trim(), fromYear: text(query, 'fromYear').trim(), toYear: text(query, 'toYear').trim() }
        : { municipalities: municipalities.map((municipality) => municipality.code).join(','), fromYear: year, toYear: year };
      const page = (errors: FieldErrors, sheet: ProgrammeIndicators | null) => createElement(ProgrammeIndicatorsPage, { municipalities, values, errors, sheet, apiBase });
      if (!sent) return { title, body: page({}, null) };
      const parsed = programmeQuery.safeParse(values);
      if (!parsed.success) return { title, status: 400, body: page(fieldErrorsFor(FIELD_MESSAGES, zodIssuePaths(parsed.error)), null) };
      try {
        const { municipalities: codes, fromYear, toYear } = parsed.data;
        return { title, body: page({}, await getService(context.strapi, 'reports').programmeIndicators(codes.split(','), fromYear, toYear)) };
      } catch (error) {
        const paths = refusedPaths(error);
        if (!paths) throw error;
        return { title, status: 400, body: page(fieldErrorsFor(FIELD_MESSAGES, paths), null) };
      }
    },
  }),
];
