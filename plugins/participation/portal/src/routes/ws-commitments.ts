import { createElement } from 'react';
import { commitmentUpdateBody, recommendationProposalBody } from '../../../server/src/routes/content-api/validation/dialogue-groups';
import { getService } from '../../../server/src/utils/get-service';
import type { Commitment } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, type FormValues, type PortalContext, type PortalPage } from '../http/portal-route';
import { fieldErrorsFor, zodIssuePaths } from '../workspace/form-errors';
import { doneOf, field, fieldList, given, municipalityOf, recordParams, type RecordParams } from '../workspace/community-scope';
import { refusedPaths } from '../workspace/form-errors';
import { ProblemPage } from '../pages/ProblemPage';
import { WsCommitmentPage, type CommitmentFormValues } from '../pages/WsCommitmentPage';
import { WsRecommendationProposalPage, type RecommendationProposalValues } from '../pages/WsRecommendationProposalPage';

const DONE: Record<string, MessageKey> = { saved: 'wsGroups.done.statusSaved', proposed: 'wsGroups.done.proposed' };

const STATUS_MESSAGES = { status: 'wsGroups.error.status', statusNote: 'wsGroups.error.statusNote' } as const satisfies Record<string, MessageKey>;

const PROPOSAL_MESSAGES = {
  roundDocumentId: 'wsGroups.error.round',
  title: 'proposalForm.error.title',
  description: 'proposalForm.error.description',
  requestedAmount: 'proposalForm.error.requestedAmount',
  budgetLineCodes: 'proposalForm.error.budgetLineCodes',
  targetGroups: 'proposalForm.error.targetGroups',
} as const satisfies Record<string, MessageKey>;

const commitmentPath = (code: string, id: string) => `/workspace/${code}/commitments/${id}`;

/** The commitment of the path: the service answers 404 for one of another municipality. */
const loadCommitment = (context: PortalContext, params: RecordParams) => getService(context.strapi, 'commitment').findOne(params.municipalityCode, params.id);

const commitmentPage = async (context: PortalContext, municipality: Municipality, commitment: Commitment, values: CommitmentFormValues, errors: FieldErrors, done: MessageKey | null, status = 200): Promise<PortalPage> => ({
  title: commitment.text.slice(0, 80),
  status,
  noStore: true,
  body: createElement(WsCommitmentPage, {
    municipality,
    group: await getService(context.strapi, 'dialogue-group').findOne(commitment.groupDocumentId),
    commitment,
    values,
    errors,
    done,
  }),
});

/** Rounds taking proposals now, and the budget lines of their years. */
const proposalChoices = async (context: PortalContext, municipality: Municipality) => {
  const rounds = (await getService(context.strapi, 'round').find({ municipality: municipality.code, phase: 'proposals', page: 1, pageSize: 50 })).data;
  const years = [...new Set(rounds.map((round) => round.fiscalYear))];
  const lines = (
    await Promise.all(years.map((fiscalYear) => getService(context.strapi, 'budget-line').find({ municipalityCode: municipality.code, fiscalYear }, { page: 1, pageSize: 5000 })))
  ).flatMap((list) => list.data);
  return { rounds, lines };
};

const proposalPage = async (context: PortalContext, municipality: Municipality, commitment: Commitment, values: RecommendationProposalValues, errors: FieldErrors, status = 200): Promise<PortalPage> => ({
  title: context.i18n.t('wsGroups.toProposal'),
  status,
  noStore: true,
  body: createElement(WsRecommendationProposalPage, { municipality, commitment, ...(await proposalChoices(context, municipality)), values, errors }),
});

const proposalValues = (form: FormValues): RecommendationProposalValues => ({
  roundDocumentId: field(form, 'roundDocumentId'),
  title: field(form, 'title'),
  description: field(form, 'description'),
  requestedAmount: field(form, 'requestedAmount'),
  budgetLineCodes: fieldList(form, 'budgetLineCodes'),
  targetGroups: fieldList(form, 'targetGroups'),
});

/**
 * A dialogue group's register for its organisers (#15, item 13): change a commitment's status with a
 * note (each change is kept in its public history), and put a recommendation forward as a proposal.
 */
export const wsCommitmentRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/commitments/:id',
    actions: ['dialogue-group.updateCommitment'],
    params: recordParams,
    handle: async ({ params, query, context }) => {
      const commitment = await loadCommitment(context, params);
      return commitmentPage(context, await municipalityOf(context, params.municipalityCode), commitment, {}, {}, doneOf(query, DONE));
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/commitments/:id',
    actions: ['dialogue-group.updateCommitment'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const commitment = await loadCommitment(context, params);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = { status: field(form, 'status'), statusNote: field(form, 'statusNote') };
      const parsed = commitmentUpdateBody.shape.data.safeParse(given(values));
      if (!parsed.success) return commitmentPage(context, municipality, commitment, values, fieldErrorsFor(STATUS_MESSAGES, zodIssuePaths(parsed.error)), null, 400);
      await getService(context.strapi, 'commitment').updateStatus(municipality.code, commitment.documentId, parsed.data);
      return { redirect: context.href(`${commitmentPath(municipality.code, commitment.documentId)}?done=saved`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/commitments/:id/proposal',
    actions: ['dialogue-group.recommendationToProposal'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const commitment = await loadCommitment(context, params);
      if (commitment.kind !== 'recommendation' || commitment.proposalDocumentId) return { ...ProblemPage({ status: 409, i18n: context.i18n }), status: 409 };
      return proposalPage(context, await municipalityOf(context, params.municipalityCode), commitment, { title: commitment.text.slice(0, 200), budgetLineCodes: [], targetGroups: [] }, {});
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/commitments/:id/proposal',
    actions: ['dialogue-group.recommendationToProposal'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const commitment = await loadCommitment(context, params);
      if (commitment.kind !== 'recommendation' || commitment.proposalDocumentId) return { ...ProblemPage({ status: 409, i18n: context.i18n }), status: 409 };
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = proposalValues(form);
      const parsed = recommendationProposalBody.shape.data.safeParse(given({ ...values }));
      if (!parsed.success) return proposalPage(context, municipality, commitment, values, fieldErrorsFor(PROPOSAL_MESSAGES, zodIssuePaths(parsed.error)), 400);
      try {
        await getService(context.strapi, 'commitment').toProposal(municipality.code, commitment.documentId, parsed.data, context.user!.id);
      } catch (error) {
        const fields = refusedPaths(error);
        if (!fields) throw error;
        return proposalPage(context, municipality, commitment, values, fieldErrorsFor(PROPOSAL_MESSAGES, fields), 400);
      }
      return { redirect: context.href(`${commitmentPath(municipality.code, commitment.documentId)}?done=proposed`) };
    },
  }),
];
