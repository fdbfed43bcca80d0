import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type PortalContext } from '../http/portal-route';
import { ImplementationFormPage } from '../pages/ImplementationFormPage';
import { WorkspaceImplementationPage, type LineSpending } from '../pages/WorkspaceImplementationPage';
import { checkImplementation, implementationValuesOf, refusedImplementationFields, valuesFromImplementation, type ImplementationFormValues } from '../workspace/implementation-form';
import { requireInMunicipality } from '../workspace/scoped-record';

/** The reads behind the screens (public) and the one act, updating a funded proposal's implementation. */
const IMPLEMENTATION_ACTIONS = ['implementation.update', 'implementation.findOne', 'implementation.budgetLineSpending', 'municipality.findOne', 'proposal.findOne', 'budget-line.find'] as const;

const municipalityParams = z.object({ municipalityCode: municipalityCodeParam });
const proposalParams = municipalityParams.extend({ proposalId: documentIdSchema });

/** Every budget line participatory projects draw on, with the line's own amounts beside what the projects commit and spend. */
const spendingByLine = async (context: PortalContext, municipalityCode: string): Promise<LineSpending[]> => {
  const lines = getService(context.strapi, 'budget-line');
  const stored = await lines.findForMunicipality(municipalityCode, await lines.fiscalYears(municipalityCode));
  const spending = await getService(context.strapi, 'implementation').participatorySpendingOn(
    municipalityCode,
    stored.map((line) => ({ documentId: line.documentId, municipalityCode, code: line.code, fiscalYear: line.fiscalYear }))
  );
  const byId = new Map(stored.map((line) => [line.documentId, line]));
  return spending
    .map((entry) => ({ spending: entry, line: byId.get(entry.budgetLine.documentId)! }))
    .sort((a, b) => b.line.fiscalYear - a.line.fiscalYear || a.line.code.localeCompare(b.line.code));
};

/** The proposal and its implementation, only when the proposal belongs to the municipality in the path. */
const scopedImplementation = async (context: PortalContext, municipalityCode: string, proposalId: string) => {
  const implementation = await getService(context.strapi, 'implementation').findForProposal(proposalId);
  requireInMunicipality(implementation, implementation.municipalityCode, municipalityCode);
  const proposal = await getService(context.strapi, 'proposal').findOne(proposalId);
  return { implementation, proposal };
};

const formPage = async (context: PortalContext, municipalityCode: string, proposalId: string, state: { values?: ImplementationFormValues; errors?: FieldErrors; saved?: boolean }, status = 200) => {
  const [{ implementation, proposal }, municipality] = await Promise.all([
    scopedImplementation(context, municipalityCode, proposalId),
    getService(context.strapi, 'municipality').getByCode(municipalityCode),
  ]);
  const funded = implementation.funding?.budgetLine;
  const lines = funded ? await getService(context.strapi, 'budget-line').findForMunicipality(municipalityCode, [funded.fiscalYear]) : [];
  return {
    title: context.i18n.t('wsImplementation.formTitle', { title: proposal.title }),
    status,
    noStore: true,
    body: createElement(ImplementationFormPage, {
      municipality,
      proposal,
      implementation,
      line: lines.find((line) => line.code === funded?.code) ?? null,
      values: state.values ?? valuesFromImplementation(implementation),
      errors: state.errors ?? {},
      saved: state.saved ?? false,
    }),
  };
};

export const workspaceImplementationRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/implementation',
    actions: IMPLEMENTATION_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, context }) => {
      const [municipality, lines] = await Promise.all([
        getService(context.strapi, 'municipality').getByCode(params.municipalityCode),
        spendingByLine(context, params.municipalityCode),
      ]);
      return { title: context.i18n.t('wsImplementation.title'), noStore: true, body: createElement(WorkspaceImplementationPage, { municipality, lines }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/implementation/:proposalId',
    actions: IMPLEMENTATION_ACTIONS,
    params: proposalParams,
    handle: async ({ params, query, context }) => formPage(context, params.municipalityCode, params.proposalId, { saved: text(query, 'done') === 'saved' }),
  }),
  // The whole state replaced, as the API does; the form comes back with its errors and nothing is written.
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/implementation/:proposalId',
    actions: IMPLEMENTATION_ACTIONS,
    params: proposalParams,
    handle: async ({ params, form, context }) => {
      await scopedImplementation(context, params.municipalityCode, params.proposalId);
      const values = implementationValuesOf(form);
      const checked = checkImplementation(values);
      if ('errors' in checked) return formPage(context, params.municipalityCode, params.proposalId, { values, errors: checked.errors }, 400);
      try {
        await getService(context.strapi, 'implementation').update(params.municipalityCode, params.proposalId, checked.update, context.user!.id);
      } catch (error) {
        if (!(error instanceof errors.ValidationError)) throw error;
        const refused = refusedImplementationFields(((error.details as { errors?: Array<{ path?: string[] }> })?.errors ?? []).map(({ path }) => path ?? []));
        if (Object.keys(refused).length === 0) throw error;
        return formPage(context, params.municipalityCode, params.proposalId, { values, errors: refused }, 400);
      }
      return { redirect: context.href(`/workspace/${params.municipalityCode}/implementation/${params.proposalId}?done=saved`) };
    },
  }),
];
