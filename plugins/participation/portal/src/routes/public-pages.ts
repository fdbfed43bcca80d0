import { createElement } from 'react';
import { z } from 'zod';
import { getService } from '../../../server/src/utils/get-service';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { portalRoute } from '../http/portal-route';
import { HomePage } from '../pages/HomePage';
import { MunicipalityPage } from '../pages/MunicipalityPage';
import { BudgetPage } from '../pages/BudgetPage';
import { RoundPage } from '../pages/RoundPage';

/** Rounds, municipalities and budget lines shown on one page at the most: more than any municipality has. */
const ALL = { page: 1, pageSize: 100 };
/** A municipality's budget has a few thousand lines at the most (the CSV import's limit is 20,000). */
const WHOLE_BUDGET = { page: 1, pageSize: 5000 };

export const publicPages = [
  portalRoute({
    method: 'GET',
    path: '/',
    actions: ['municipality.find'],
    handle: async ({ context }) => {
      const { data } = await getService(context.strapi, 'municipality').find(ALL);
      return { title: context.i18n.t('home.title'), body: createElement(HomePage, { municipalities: data }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode',
    actions: ['municipality.findOne', 'round.find', 'budget-line.find'],
    params: z.object({ municipalityCode: municipalityCodeParam }),
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const [rounds, budgetYears] = await Promise.all([
        getService(context.strapi, 'round').find({ municipality: municipality.code, ...ALL }),
        getService(context.strapi, 'budget-line').fiscalYears(municipality.code),
      ]);
      return { title: municipality.name, body: createElement(MunicipalityPage, { municipality, rounds: rounds.data, budgetYears }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/budget/:year',
    actions: ['municipality.findOne', 'budget-line.find'],
    params: z.object({ municipalityCode: municipalityCodeParam, year: z.coerce.number().int().min(1900).max(2200) }),
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const budgetLines = getService(context.strapi, 'budget-line');
      const [lines, years] = await Promise.all([
        budgetLines.find({ municipalityCode: municipality.code, fiscalYear: params.year }, WHOLE_BUDGET),
        budgetLines.fiscalYears(municipality.code),
      ]);
      const title = context.i18n.t('budget.title', { municipality: municipality.name, year: String(params.year) });
      return { title, body: createElement(BudgetPage, { municipality, year: params.year, lines: lines.data, totals: lines.meta.totals, years }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId',
    actions: ['round.findOne'],
    params: z.object({ roundId: documentIdSchema }),
    handle: async ({ params, context }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      const municipality = await getService(context.strapi, 'municipality').getByCode(round.municipalityCode);
      return { title: round.title, body: createElement(RoundPage, { round, municipality }) };
    },
  }),
];
