import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { proposalInputSchema, requireGenderImpactStatement } from '../../../server/src/domain/proposals/proposal-input';
import { documentIdSchema } from '../../../server/src/routes/content-api/validation/common';
import { getService } from '../../../server/src/utils/get-service';
import type { Proposal, Round } from '../../../shared/contracts/rounds';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, type FormValues, type PortalContext } from '../http/portal-route';
import { ProposalFormPage, type ProposalFormValues } from '../pages/ProposalFormPage';
import { WithdrawProposalPage } from '../pages/WithdrawProposalPage';
import { ProblemPage } from '../pages/ProblemPage';
import { languageOfItem } from '../i18n/content-language';

const TEXT_FIELDS = ['title', 'easyReadSummary', 'description', 'location', 'districtCode', 'requestedAmount', 'genderMarker', 'genderImpactStatement', 'youthMarker', 'language'] as const;
type FormField = (typeof TEXT_FIELDS)[number] | 'budgetLineCodes' | 'targetGroups';

/** One message per field, in the page's language: what the field needs (GOV.UK's style). */
const FIELD_MESSAGES: Record<FormField, MessageKey> = {
  title: 'proposalForm.error.title',
  easyReadSummary: 'proposalForm.error.easyReadSummary',
  description: 'proposalForm.error.description',
  location: 'proposalForm.error.location',
  districtCode: 'proposalForm.error.districtCode',
  requestedAmount: 'proposalForm.error.requestedAmount',
  budgetLineCodes: 'proposalForm.error.budgetLineCodes',
  targetGroups: 'proposalForm.error.targetGroups',
  genderMarker: 'proposalForm.error.genderMarker',
  genderImpactStatement: 'proposalForm.error.genderImpactStatement',
  youthMarker: 'proposalForm.error.youthMarker',
  language: 'proposalForm.error.language',
};

const valuesOf = (form: FormValues): ProposalFormValues => {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
  const list = (name: string) => [form[name] ?? []].flat().filter((value): value is string => typeof value === 'string');
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, text(field)])),
    budgetLineCodes: list('budgetLineCodes'),
    targetGroups: list('targetGroups'),
  };
};

const valuesFromProposal = (proposal: Proposal): ProposalFormValues => ({
  title: proposal.title,
  easyReadSummary: proposal.easyReadSummary ?? '',
  description: proposal.description,
  location: proposal.location ?? '',
  districtCode: proposal.districtCode ?? undefined,
  requestedAmount: proposal.requestedAmount,
  budgetLineCodes: proposal.budgetLineCodes,
  targetGroups: proposal.targetGroups,
  genderMarker: proposal.genderMarker,
  genderImpactStatement: proposal.genderImpactStatement ?? '',
  youthMarker: proposal.youthMarker,
  language: proposal.language ?? undefined,
});

const errorsFor = (fields: Array<PropertyKey | undefined>): FieldErrors =>
  Object.fromEntries(fields.filter((field): field is FormField => typeof field === 'string' && field in FIELD_MESSAGES).map((field) => [field, FIELD_MESSAGES[field]]));

/** The round, its municipality and the budget lines a proposal may draw on (the round's fiscal year). */
const formContext = async (context: PortalContext, round: Round) => {
  const [municipality, lines] = await Promise.all([
    getService(context.strapi, 'municipality').getByCode(round.municipalityCode),
    getService(context.strapi, 'budget-line').find({ municipalityCode: round.municipalityCode, fiscalYear: round.fiscalYear }, { page: 1, pageSize: 5000 }),
  ]);
  return { round, municipality, lines: lines.data };
};

const formPage = async (context: PortalContext, round: Round, values: ProposalFormValues, fieldErrors: FieldErrors, action: string, editing: boolean, status = 200) => ({
  title: context.i18n.t(editing ? 'proposalForm.editTitle' : 'proposalForm.title'),
  status,
  body: createElement(ProposalFormPage, { ...(await formContext(context, round)), values, errors: fieldErrors, action, editing }),
});

/**
 * Checks the form with the API's own schema, then lets the service write it; a refusal of a field by
 * either comes back as the form with its errors (400), nothing written.
 */
const submit = async (form: FormValues, write: (input: z.output<typeof proposalInputSchema>) => Promise<Proposal>) => {
  const values = valuesOf(form);
  const candidate = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = proposalInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const fields: Array<PropertyKey | undefined> = parsed.error.issues.map((issue) => issue.path[0]);
    // zod skips the cross-field rule while other fields fail; the page lists every problem at once.
    const crossField = { addIssue: (issue: { path?: PropertyKey[] }) => fields.push(issue.path?.[0]) } as unknown as z.RefinementCtx;
    requireGenderImpactStatement({ genderMarker: values.genderMarker ?? 'none', genderImpactStatement: values.genderImpactStatement?.trim() || null }, crossField);
    return { values, fieldErrors: errorsFor(fields) };
  }
  try {
    return { proposal: await write(parsed.data) };
  } catch (error) {
    if (!(error instanceof errors.ValidationError)) throw error;
    const paths = ((error.details as { errors?: Array<{ path: string[] }> })?.errors ?? []).map(({ path }) => path[0]);
    return { values, fieldErrors: errorsFor(paths) };
  }
};

const roundParams = z.object({ roundId: documentIdSchema });
const proposalParams = z.object({ proposalId: documentIdSchema });

const notTakingProposals = (context: PortalContext) => ({ ...ProblemPage({ status: 409, i18n: context.i18n }), status: 409 });

export const proposalFormRoutes = [
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId/proposals/new',
    actions: ['round.findOne', 'proposal.create'],
    params: roundParams,
    handle: async ({ params, context }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      if (round.phase !== 'proposals') return notTakingProposals(context);
      // A citizen writing on a page in one language writes in it, unless they choose another on the form.
      return formPage(context, round, { budgetLineCodes: [], targetGroups: [], language: context.lang }, {}, context.href(`/rounds/${round.documentId}/proposals/new`), false);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/rounds/:roundId/proposals/new',
    actions: ['round.findOne', 'proposal.create'],
    params: roundParams,
    handle: async ({ params, form, context }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      if (round.phase !== 'proposals') return notTakingProposals(context);
      const outcome = await submit(form, (input) => getService(context.strapi, 'proposal').create(round.documentId, context.user!.id, input));
      if (outcome.proposal) return { redirect: context.href(`/proposals/${outcome.proposal.documentId}?done=submitted`) };
      return formPage(context, round, outcome.values, outcome.fieldErrors, context.href(`/rounds/${round.documentId}/proposals/new`), false, 400);
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/proposals/:proposalId/edit',
    actions: ['proposal.update'],
    params: proposalParams,
    handle: async ({ params, context }) => {
      const proposal = await getService(context.strapi, 'proposal').editableBy(params.proposalId, context.user!.id);
      const round = await getService(context.strapi, 'round').findOne(proposal.roundDocumentId);
      return formPage(context, round, valuesFromProposal(proposal), {}, context.href(`/proposals/${proposal.documentId}/edit`), true);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/proposals/:proposalId/edit',
    actions: ['proposal.update'],
    params: proposalParams,
    handle: async ({ params, form, context }) => {
      const proposals = getService(context.strapi, 'proposal');
      const proposal = await proposals.editableBy(params.proposalId, context.user!.id);
      const outcome = await submit(form, (input) => proposals.update(proposal.documentId, context.user!.id, input));
      if (outcome.proposal) return { redirect: context.href(`/proposals/${proposal.documentId}?done=saved`) };
      const round = await getService(context.strapi, 'round').findOne(proposal.roundDocumentId);
      return formPage(context, round, outcome.values, outcome.fieldErrors, context.href(`/proposals/${proposal.documentId}/edit`), true, 400);
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/proposals/:proposalId/withdraw',
    actions: ['proposal.withdraw'],
    params: proposalParams,
    handle: async ({ params, context }) => {
      const proposal = await getService(context.strapi, 'proposal').editableBy(params.proposalId, context.user!.id);
      const language = await languageOfItem(context.strapi, proposal);
      return { title: context.i18n.t('withdraw.title'), body: createElement(WithdrawProposalPage, { proposal, language }) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/proposals/:proposalId/withdraw',
    actions: ['proposal.withdraw'],
    params: proposalParams,
    handle: async ({ params, context }) => {
      await getService(context.strapi, 'proposal').withdraw(params.proposalId, context.user!.id);
      return { redirect: context.href(`/proposals/${params.proposalId}?done=withdrawn`) };
    },
  }),
];
