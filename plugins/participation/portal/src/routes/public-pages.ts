import { createElement } from 'react';
import { z } from 'zod';
import { getService } from '../../../server/src/utils/get-service';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { portalRoute } from '../http/portal-route';
import { apiBaseOf } from '../http/api-base';
import { HomePage } from '../pages/HomePage';
import { MunicipalityPage } from '../pages/MunicipalityPage';
import { BudgetPage } from '../pages/BudgetPage';
import { RoundPage } from '../pages/RoundPage';
import { voterStanding } from '../ballot/voter-standing';
import { ballotSetIsPublic } from '../../../server/src/domain/rounds/ballot-publicity';
import { ProposalsPage, type ProposalFilterValues } from '../pages/ProposalsPage';
import { ProposalPage } from '../pages/ProposalPage';
import { ProblemPage } from '../pages/ProblemPage';
import { proposalFiltersQuery } from '../../../server/src/routes/content-api/validation/proposals';
import type { FormValues } from '../http/portal-route';

/** The confirmation a proposal page shows after the author's action redirected to it. */
const DONE_NOTICES = ['submitted', 'saved', 'withdrawn'] as const;

const FILTER_FIELDS = ['districtCode', 'targetGroup', 'genderMarker', 'youthMarker', 'status', 'q'] as const;

/** The filter form's fields as sent (an empty select means "any"), for the page to show them back. */
const filterValuesOf = (query: FormValues): ProposalFilterValues =>
  Object.fromEntries(FILTER_FIELDS.map((field) => [field, typeof query[field] === 'string' && query[field] !== '' ? (query[field] as string) : undefined]));

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
    actions: ['municipality.findOne', 'round.find', 'budget-line.find', 'open-data.programmeIndicators'],
    params: z.object({ municipalityCode: municipalityCodeParam }),
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const [rounds, budgetYears] = await Promise.all([
        getService(context.strapi, 'round').find({ municipality: municipality.code, ...ALL }),
        getService(context.strapi, 'budget-line').fiscalYears(municipality.code),
      ]);
      // Its headline figures are the programme indicators of this one municipality, over every year it has rounds or budgets.
      const years = [...rounds.data.map((round) => round.fiscalYear), ...budgetYears];
      const indicators = years.length > 0 ? await getService(context.strapi, 'reports').programmeIndicators([municipality.code], Math.min(...years), Math.max(...years)) : null;
      return { title: municipality.name, body: createElement(MunicipalityPage, { municipality, rounds: rounds.data, budgetYears, indicators }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/budget/:year',
    actions: ['municipality.findOne', 'budget-line.find', 'implementation.budgetLineSpending', 'open-data.moneyByMarker'],
    params: z.object({ municipalityCode: municipalityCodeParam, year: z.coerce.number().int().min(1900).max(2200) }),
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const budgetLines = getService(context.strapi, 'budget-line');
      const [lines, years] = await Promise.all([
        budgetLines.find({ municipalityCode: municipality.code, fiscalYear: params.year }, WHOLE_BUDGET),
        budgetLines.fiscalYears(municipality.code),
      ]);
      // The report answers 404 for a year without lines: the page says so itself.
      const [participatorySpending, report] = await Promise.all([
        getService(context.strapi, 'implementation').participatorySpendingOn(municipality.code, lines.data),
        lines.data.length > 0 ? getService(context.strapi, 'reports').moneyByMarker(municipality.code, params.year) : null,
      ]);
      const title = context.i18n.t('budget.title', { municipality: municipality.name, year: String(params.year) });
      return {
        title,
        body: createElement(BudgetPage, { municipality, year: params.year, lines: lines.data, totals: lines.meta.totals, years, participatorySpending, report, apiBase: apiBaseOf(context.strapi) }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId',
    actions: ['round.findOne', 'open-data.roundParticipation'],
    params: z.object({ roundId: documentIdSchema }),
    handle: async ({ params, context }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      const [municipality, standing, participation] = await Promise.all([
        getService(context.strapi, 'municipality').getByCode(round.municipalityCode),
        voterStanding(context, round),
        // Published once voting has closed; before, the service answers 409 and the page shows nothing of it.
        ballotSetIsPublic(round.phase) ? getService(context.strapi, 'reports').roundParticipation(round.documentId, {}) : null,
      ]);
      return { title: round.title, scripts: ['live.js'], body: createElement(RoundPage, { round, municipality, standing, participation, apiBase: apiBaseOf(context.strapi) }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId/proposals',
    actions: ['round.findOne', 'proposal.find'],
    params: z.object({ roundId: documentIdSchema }),
    handle: async ({ params, query, context }) => {
      const filters = filterValuesOf(query);
      // The API's own query schema: a value outside its lists is a 400 page, as it is a 400 answer there.
      const parsed = proposalFiltersQuery.safeParse({ ...filters, page: typeof query.page === 'string' ? query.page : undefined });
      if (!parsed.success) return { ...ProblemPage({ status: 400, i18n: context.i18n }), status: 400 };
      const { page, pageSize, ...narrowing } = parsed.data;
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      const [municipality, list] = await Promise.all([
        getService(context.strapi, 'municipality').getByCode(round.municipalityCode),
        getService(context.strapi, 'proposal').find(round.documentId, narrowing, { page, pageSize }),
      ]);
      const { pageCount, total } = list.meta.pagination;
      return {
        title: `${context.i18n.t('proposals.title')} – ${round.title}`,
        body: createElement(ProposalsPage, { round, municipality, proposals: list.data, filters, page, pageCount, total }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/proposals/:proposalId',
    actions: ['proposal.findOne', 'round.findOne', 'implementation.findOne'],
    params: z.object({ proposalId: documentIdSchema }),
    handle: async ({ params, query, context }) => {
      const proposals = getService(context.strapi, 'proposal');
      const proposal = await proposals.findOne(params.proposalId);
      const [round, implementation] = await Promise.all([
        getService(context.strapi, 'round').findOne(proposal.roundDocumentId),
        getService(context.strapi, 'implementation').findForProposal(proposal.documentId),
      ]);
      const municipality = await getService(context.strapi, 'municipality').getByCode(round.municipalityCode);
      // Its author may still change or withdraw it: the service's own rule, asked rather than restated.
      const mayEdit = context.user ? await proposals.editableBy(proposal.documentId, context.user.id).then(() => true, () => false) : false;
      const done = DONE_NOTICES.find((notice) => notice === query.done);
      return { title: proposal.title, scripts: ['live.js'], body: createElement(ProposalPage, { proposal, round, municipality, mayEdit, done, implementation }) };
    },
  }),
];
