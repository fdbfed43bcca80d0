import { createElement } from 'react';
import { z } from 'zod';
import { reviewActionSchema, type ReviewAction } from '../../../server/src/domain/proposals/proposal-input';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { getService } from '../../../server/src/utils/get-service';
import type { Proposal } from '../../../shared/contracts/rounds';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import type { MessageKey } from '../i18n/translator';
import { ReviewQueuePage } from '../pages/ReviewQueuePage';
import { ReviewProposalPage, type ReviewFormValues } from '../pages/ReviewProposalPage';
import { fieldErrorsFor, refusedPaths, zodIssuePaths } from '../workspace/form-errors';
import { hasAnswers } from '../workspace/answers';
import { linesLeft, reviewQueue } from '../workspace/review-queue';
import { requireInMunicipality } from '../workspace/scoped-record';

/** What the review screens read besides the review itself (all public), and the review. */
const REVIEW_ACTIONS = ['proposal.review', 'municipality.findOne', 'round.find', 'proposal.find', 'proposal.findOne', 'budget-line.find', 'implementation.findOne'] as const;

const FIELD_MESSAGES = {
  action: 'wsReview.error.action',
  costEstimate: 'wsReview.error.costEstimate',
  reason: 'wsReview.error.reason',
  note: 'wsReview.error.note',
} satisfies Record<keyof ReviewFormValues, MessageKey>;

/** The notice after each act this screen offers (`?done=<action>`); starting review is the rounds screen's. */
const DONE: Partial<Record<ReviewAction['action'], MessageKey>> = {
  'mark-feasible': 'wsReview.done.feasible',
  'mark-infeasible': 'wsReview.done.infeasible',
  'mark-completed': 'wsReview.done.completed',
};

const municipalityParams = z.object({ municipalityCode: municipalityCodeParam });
const proposalParams = municipalityParams.extend({ proposalId: documentIdSchema });

const valuesOf = (form: FormValues): ReviewFormValues => ({
  action: text(form, 'action'),
  costEstimate: text(form, 'costEstimate'),
  reason: text(form, 'reason'),
  note: text(form, 'note'),
});

/**
 * The form as the API's own review body: only the fields of the chosen action (the schema is strict),
 * blanks left out so that a missing cost estimate or reason is named as missing.
 */
const reviewBody = (values: ReviewFormValues) => {
  const given = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);
  if (values.action === 'mark-feasible') return { action: values.action, costEstimate: given(values.costEstimate), note: given(values.note) };
  if (values.action === 'mark-infeasible') return { action: values.action, reason: given(values.reason) ?? '' };
  if (values.action === 'mark-completed') return { action: values.action, note: given(values.note) };
  return { action: values.action };
};

/** The actions this screen offers for a proposal in its status: feasibility while under review, completion while carried out. */
const offeredActions = (proposal: Proposal): ReadonlyArray<ReviewAction['action']> =>
  proposal.status === 'under_review' ? ['mark-feasible', 'mark-infeasible'] : proposal.status === 'in_implementation' ? ['mark-completed'] : [];

/** The proposal, only when it belongs to the municipality in the path (404 otherwise, as if it did not exist). */
const scopedProposal = async (context: PortalContext, municipalityCode: string, proposalId: string) => {
  const proposal = await getService(context.strapi, 'proposal').findOne(proposalId);
  return requireInMunicipality(proposal, proposal.municipalityCode, municipalityCode);
};

type ReviewStep = { step: 'form'; values: ReviewFormValues; errors: FieldErrors } | { step: 'confirm'; values: ReviewFormValues; review: ReviewAction };

const proposalPage = async (context: PortalContext, municipalityCode: string, proposal: Proposal, state: ReviewStep, status = 200) => {
  const strapi = context.strapi;
  const [municipality, round, implementation] = await Promise.all([
    getService(strapi, 'municipality').getByCode(municipalityCode),
    getService(strapi, 'round').findOne(proposal.roundDocumentId),
    getService(strapi, 'implementation').findForProposal(proposal.documentId),
  ]);
  const lines = (await linesLeft(strapi, municipalityCode, [round.fiscalYear]))(round.fiscalYear, proposal.budgetLineCodes);
  return {
    title: context.i18n.t(state.step === 'confirm' ? 'wsReview.confirmTitle' : 'wsReview.proposalTitle', { title: proposal.title }),
    status,
    noStore: true,
    body: createElement(ReviewProposalPage, {
      municipality,
      round,
      proposal,
      lines,
      progressPercent: implementation.progressPercent,
      offered: offeredActions(proposal),
      ...state,
    }),
  };
};

/** Checks the form with the API's schema; the check-your-answers step and the act both go through it. */
const checkReview = (proposal: Proposal, values: ReviewFormValues): { review: ReviewAction } | { errors: FieldErrors } => {
  const parsed = reviewActionSchema.safeParse(reviewBody(values));
  if (!parsed.success) return { errors: fieldErrorsFor(FIELD_MESSAGES, zodIssuePaths(parsed.error)) };
  if (!offeredActions(proposal).includes(parsed.data.action)) return { errors: fieldErrorsFor(FIELD_MESSAGES, ['action']) };
  return { review: parsed.data };
};

export const workspaceReviewRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/review',
    actions: REVIEW_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const queue = await reviewQueue(context.strapi, municipality.code);
      const done = Object.entries(DONE).find(([action]) => action === text(query, 'done'))?.[1];
      return {
        title: context.i18n.t('wsReview.title'),
        noStore: true,
        body: createElement(ReviewQueuePage, { municipality, ...queue, done }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/review/:proposalId',
    actions: REVIEW_ACTIONS,
    params: proposalParams,
    handle: async ({ params, query, context }) => {
      const proposal = await scopedProposal(context, params.municipalityCode, params.proposalId);
      const [first] = offeredActions(proposal);
      // Back from the check of the answers, they come along. Else the cost estimate starts at what was
      // asked for: the reviewer changes it where the estimate differs.
      const values: ReviewFormValues = hasAnswers(query) ? valuesOf(query) : { action: first === 'mark-completed' ? first : undefined, costEstimate: proposal.requestedAmount };
      return proposalPage(context, params.municipalityCode, proposal, { step: 'form', values, errors: {} });
    },
  }),
  // The answers, checked: shown back with what cannot be undone, or the form again with its errors.
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/review/:proposalId',
    actions: REVIEW_ACTIONS,
    params: proposalParams,
    handle: async ({ params, form, context }) => {
      const proposal = await scopedProposal(context, params.municipalityCode, params.proposalId);
      const values = valuesOf(form);
      const checked = checkReview(proposal, values);
      if ('errors' in checked) return proposalPage(context, params.municipalityCode, proposal, { step: 'form', values, errors: checked.errors }, 400);
      return proposalPage(context, params.municipalityCode, proposal, { step: 'confirm', values, review: checked.review });
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/review/:proposalId/confirm',
    actions: REVIEW_ACTIONS,
    params: proposalParams,
    handle: async ({ params, form, context }) => {
      const proposal = await scopedProposal(context, params.municipalityCode, params.proposalId);
      const values = valuesOf(form);
      const checked = checkReview(proposal, values);
      if ('errors' in checked) return proposalPage(context, params.municipalityCode, proposal, { step: 'form', values, errors: checked.errors }, 400);
      try {
        await getService(context.strapi, 'proposal').review(params.municipalityCode, proposal.documentId, checked.review, context.user!.id);
      } catch (error) {
        const paths = refusedPaths(error);
        const refused = paths && fieldErrorsFor(FIELD_MESSAGES, paths);
        // A refusal the form has no field for goes on to the error page (400), nothing written.
        if (!refused || Object.keys(refused).length === 0) throw error;
        return proposalPage(context, params.municipalityCode, proposal, { step: 'form', values, errors: refused }, 400);
      }
      return { redirect: context.href(`/workspace/${params.municipalityCode}/review?done=${checked.review.action}`) };
    },
  }),
];
