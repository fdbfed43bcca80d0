import { createElement } from 'react';
import { z } from 'zod';
import { municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type PortalContext } from '../http/portal-route';
import { ProblemPage } from '../pages/ProblemPage';
import { PublishDecisionPage } from '../pages/PublishDecisionPage';
import { WorkspaceDecisionsPage } from '../pages/WorkspaceDecisionsPage';
import { checkDecision, decisionChoices, decisionValuesOf, refusedDecisionFields, valuesToCorrect, type DecisionFormValues } from '../workspace/decision-form';
import type { DecisionBody } from '../../../server/src/routes/content-api/validation/decisions';
import { readLogPage } from './decisions';
import { hasAnswers } from '../workspace/answers';

/** The log's reads (public) and the one act, publishing. */
const DECISION_ACTIONS = ['decision.publish', 'municipality.findOne', 'decision.find', 'decision.findOne', 'decision.verifyLog', 'decision.checkpoint', 'round.find', 'proposal.find', 'budget-line.find'] as const;

const municipalityParams = z.object({ municipalityCode: municipalityCodeParam });

type FormStep = { step: 'form'; values: DecisionFormValues; errors: FieldErrors } | { step: 'confirm'; values: DecisionFormValues; decision: DecisionBody };

const formPage = async (context: PortalContext, municipalityCode: string, state: FormStep, status = 200) => {
  const [municipality, choices] = await Promise.all([
    getService(context.strapi, 'municipality').getByCode(municipalityCode),
    decisionChoices(context.strapi, municipalityCode),
  ]);
  return {
    title: context.i18n.t(state.step === 'confirm' ? 'wsDecisions.confirmTitle' : 'wsDecisions.newTitle'),
    status,
    noStore: true,
    body: createElement(PublishDecisionPage, { municipality, choices, ...state }),
  };
};

export const workspaceDecisionRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/decisions',
    actions: DECISION_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const read = await readLogPage(context, params.municipalityCode, query);
      if (read.problem) return read.problem;
      const { municipality, log, titles, verification, checkpoint } = read;
      return {
        title: context.i18n.t('wsDecisions.title'),
        noStore: true,
        body: createElement(WorkspaceDecisionsPage, {
          municipality,
          entries: log.data,
          titles,
          verification,
          checkpoint,
          page: log.meta.pagination.page,
          pageCount: log.meta.pagination.pageCount,
          published: text(query, 'done') === 'published',
        }),
      };
    },
  }),
  // A new decision, or (`?corrects=N`) a correction starting from what entry N says.
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/decisions/new',
    actions: DECISION_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const corrects = z.coerce.number().int().min(1).optional().safeParse(text(query, 'corrects') || undefined);
      if (!corrects.success) return { ...ProblemPage({ status: 400, i18n: context.i18n }), status: 400 };
      // Back from the check of the answers, they come along; a correction starts from the entry it corrects.
      const values = hasAnswers(query)
        ? decisionValuesOf(query)
        : corrects.data === undefined
          ? {}
          : valuesToCorrect(await getService(context.strapi, 'decision-log').findOne(params.municipalityCode, corrects.data));
      return formPage(context, params.municipalityCode, { step: 'form', values, errors: {} });
    },
  }),
  // Checked by the API's own schema: shown back before publishing, or the form again with its errors.
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/decisions/new',
    actions: DECISION_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, form, context }) => {
      const values = decisionValuesOf(form);
      const checked = checkDecision(values);
      if ('errors' in checked) return formPage(context, params.municipalityCode, { step: 'form', values, errors: checked.errors }, 400);
      return formPage(context, params.municipalityCode, { step: 'confirm', values, decision: checked.decision });
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/decisions/publish',
    actions: DECISION_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, form, context }) => {
      const values = decisionValuesOf(form);
      const checked = checkDecision(values);
      if ('errors' in checked) return formPage(context, params.municipalityCode, { step: 'form', values, errors: checked.errors }, 400);
      try {
        await getService(context.strapi, 'decision-log').publish(params.municipalityCode, checked.decision, context.user!.id);
      } catch (error) {
        const refused = refusedDecisionFields(error);
        // A refusal the form has no field for goes on to the error page (400), nothing written.
        if (!refused || Object.keys(refused).length === 0) throw error;
        return formPage(context, params.municipalityCode, { step: 'form', values, errors: refused }, 400);
      }
      return { redirect: context.href(`/workspace/${params.municipalityCode}/decisions?done=published`) };
    },
  }),
];
