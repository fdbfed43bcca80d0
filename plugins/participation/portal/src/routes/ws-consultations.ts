import { createElement } from 'react';
import type { z } from 'zod';
import { consultationBody, offlineInputBody, summaryBody } from '../../../server/src/routes/content-api/validation/consultations';
import { decideAccess } from '../../../server/src/domain/access/rules';
import { getService } from '../../../server/src/utils/get-service';
import type { Consultation } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { FieldErrors } from '../components/ErrorSummary';
import { Message } from '../components/Message';
import { userText, writtenIn } from '../components/UserText';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, type FormValues, type PortalContext, type PortalPage } from '../http/portal-route';
import { consentFieldOf, fieldErrorsFor, zodIssuePaths } from '../workspace/form-errors';
import { requireInMunicipality } from '../workspace/scoped-record';
import { communityParams, doneOf, field, fieldList, given, isConflict, municipalityOf, pageOf, recordParams, zoneOf, type RecordParams } from '../workspace/community-scope';
import { refusedPaths } from '../workspace/form-errors';
import { localInstant, wallClock } from '../community/local-time';
import { answersDemographics, declarationFrom, demographicsValuesOf } from '../community/demographic-answers';
import { ProblemPage } from '../pages/ProblemPage';
import { WsConsultationsPage } from '../pages/WsConsultationsPage';
import { WsConsultationFormPage, type ConsultationFormValues } from '../pages/WsConsultationFormPage';
import { WsConsultationPage } from '../pages/WsConsultationPage';
import { WsOfflineInputPage, type OfflineInputValues } from '../pages/WsOfflineInputPage';
import { WsSummaryPage, THEME_SLOTS, type OutcomeCandidates, type OutcomeValues, type ThemeValues } from '../pages/WsSummaryPage';
import { WsConfirmPage } from '../pages/WsConfirmPage';

const DONE: Record<string, MessageKey> = {
  created: 'wsConsultations.done.created',
  changed: 'wsConsultations.done.changed',
  opened: 'wsConsultations.done.opened',
  closed: 'wsConsultations.done.closed',
  recorded: 'wsConsultations.done.recorded',
  summarised: 'wsConsultations.done.summarised',
};

const FORM_MESSAGES = {
  topic: 'wsConsultations.error.topic',
  description: 'wsConsultations.error.description',
  questions: 'wsConsultations.error.questions',
  opensAt: 'wsConsultations.error.opensAt',
  closesAt: 'wsConsultations.error.closesAt',
  targetGroups: 'wsConsultations.error.targetGroups',
} as const satisfies Record<string, MessageKey>;

const OFFLINE_MESSAGES = {
  channel: 'wsConsultations.error.channel',
  offlineReference: 'wsConsultations.error.reference',
  answers: 'wsConsultations.error.answers',
  consentGiven: 'wsConsultations.error.consentGiven',
  consentMethod: 'wsConsultations.error.consentMethod',
  consentNote: 'wsConsultations.error.consentNote',
} as const satisfies Record<string, MessageKey>;

const base = (code: string) => `/workspace/${code}/consultations`;

/** A consultation's meetings (hearings, focus groups) are scheduled until it closes. */
export const takesMeetings = (consultation: Consultation) => consultation.status === 'draft' || consultation.status === 'open';

/** The consultation of the path, in the path's municipality (else 404). */
export const loadConsultation = async (context: PortalContext, params: RecordParams) => {
  const consultation = await getService(context.strapi, 'consultation').findOne(params.id).catch(() => null);
  return requireInMunicipality(consultation, consultation?.municipalityCode, params.municipalityCode);
};

const conflictPage = (context: PortalContext): PortalPage => ({ ...ProblemPage({ status: 409, i18n: context.i18n }), status: 409 });

const topicOf = (municipality: Municipality, consultation: Consultation) => userText(consultation.topic, writtenIn(consultation, municipality));

export const consultationTrail = (context: PortalContext, municipality: Municipality, consultation: Consultation) => [
  { label: context.i18n.t('wsConsultations.title'), path: '/consultations' },
  { label: topicOf(municipality, consultation), path: `/consultations/${consultation.documentId}` },
];

/** A confirmation's heading that quotes the consultation's topic. */
const topicConfirm = (id: MessageKey, municipality: Municipality, consultation: Consultation) => createElement(Message, { id, values: { topic: topicOf(municipality, consultation) } });

// --- Preparing a consultation -------------------------------------------------------------------------

const formValues = (form: FormValues): ConsultationFormValues => ({
  topic: field(form, 'topic'),
  description: field(form, 'description'),
  questions: typeof form.questions === 'string' ? form.questions : '',
  opensAt: field(form, 'opensAt'),
  closesAt: field(form, 'closesAt'),
  targetGroups: fieldList(form, 'targetGroups'),
});

/** The form as the API's body: one question a line, the days from the start of the first to the end of the last on the municipality's clock. */
const consultationCandidate = (values: ConsultationFormValues, municipality: Municipality) => {
  const zone = zoneOf(municipality);
  const lines = (values.questions ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return given({
    topic: values.topic,
    description: values.description,
    questions: lines.map((text, index) => ({ id: `q${index + 1}`, text })),
    targetGroups: values.targetGroups,
    // A date that is not one stays as typed, for the schema to name its field.
    opensAt: values.opensAt ? (localInstant(values.opensAt, '00:00', zone) ?? values.opensAt) : undefined,
    closesAt: values.closesAt ? (localInstant(values.closesAt, '23:59', zone) ?? values.closesAt) : undefined,
  });
};

/** The consultation as its form filled in: the questions a line each, the days on the municipality's clock. */
const storedValues = (consultation: Consultation, municipality: Municipality): ConsultationFormValues => ({
  topic: consultation.topic,
  description: consultation.description ?? '',
  questions: consultation.questions.map((question) => question.text).join('\n'),
  opensAt: wallClock(consultation.opensAt, zoneOf(municipality)).date,
  closesAt: wallClock(consultation.closesAt, zoneOf(municipality)).date,
  targetGroups: consultation.targetGroups,
});

/** The form to prepare a consultation, or to change the draft `consultation`. */
const formPage = (context: PortalContext, municipality: Municipality, values: ConsultationFormValues, errors: FieldErrors, status = 200, consultation?: Consultation): PortalPage => ({
  title: consultation ? context.i18n.t('wsConsultations.editTitle', { topic: consultation.topic }) : context.i18n.t('wsConsultations.new'),
  status,
  noStore: true,
  body: createElement(WsConsultationFormPage, { municipality, consultation, values, errors }),
});

// --- Offline input ------------------------------------------------------------------------------------

const offlineValues = (form: FormValues, consultation: Consultation): OfflineInputValues => ({
  channel: field(form, 'channel'),
  offlineReference: field(form, 'offlineReference'),
  answers: Object.fromEntries(consultation.questions.map((question) => [question.id, field(form, `answer-${question.id}`)])),
  consentGiven: field(form, 'consentGiven') === 'yes',
  consentMethod: field(form, 'consentMethod'),
  consentNote: field(form, 'consentNote'),
  demographics: demographicsValuesOf(form),
  demographicsConsent: field(form, 'demographicsConsent') === 'yes',
});

/**
 * The person's answers about themselves, checked like their own declaration would be, when they gave
 * any: kept only with their consent to that, apart from the consent to keep their input.
 */
const offlineDeclaration = (values: OfflineInputValues) =>
  answersDemographics(values.demographics)
    ? declarationFrom(values.demographics, { given: values.demographicsConsent, field: 'demographicsConsent', message: 'wsConsultations.error.demographicsConsent' })
    : { declaration: undefined, fieldErrors: {} };

/** A zod issue of the offline body as the form's field: the consent's parts are fields of their own. */
const offlineField = (path: PropertyKey[]) => (path[0] === 'consent' ? consentFieldOf(path[1]) : path[0]);

const offlinePage = (context: PortalContext, municipality: Municipality, consultation: Consultation, values: OfflineInputValues, errors: FieldErrors, done: MessageKey | null, status = 200): PortalPage => ({
  title: context.i18n.t('wsConsultations.offlineTitle', { topic: consultation.topic }),
  status,
  noStore: true,
  body: createElement(WsOfflineInputPage, {
    municipality,
    consultation,
    values,
    errors,
    done,
    minimumGroup: context.strapi.plugin('participation').config('statistics.minimumCellSize') as number,
  }),
});

const emptyOffline = (channel = 'paper'): OfflineInputValues => ({ channel, answers: {}, consentGiven: false, demographics: {}, demographicsConsent: false });

// --- Summary ------------------------------------------------------------------------------------------

const themeValues = (form: FormValues): ThemeValues =>
  Array.from({ length: THEME_SLOTS }, (_, index) => ({ title: field(form, `theme-${index + 1}-title`), description: field(form, `theme-${index + 1}-description`) }));

/** The themes filled in, each with the slot it came from, so that an error lands beside its own field. */
const filledThemes = (themes: ThemeValues) => themes.map((theme, index) => ({ ...theme, slot: index + 1 })).filter((theme) => theme.title || theme.description);

/** The lists of what the summary led to, by their fields' names (the API's). */
const OUTCOME_MESSAGES = {
  proposalDocumentIds: 'wsConsultations.error.ledToProposals',
  commitmentDocumentIds: 'wsConsultations.error.ledToCommitments',
} as const satisfies Record<keyof OutcomeValues, MessageKey>;

const outcomeValues = (form: FormValues): OutcomeValues => ({
  proposalDocumentIds: fieldList(form, 'proposalDocumentIds'),
  commitmentDocumentIds: fieldList(form, 'commitmentDocumentIds'),
});

const summaryErrors = (error: z.ZodError, filled: ReturnType<typeof filledThemes>): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [, list, index, part] = issue.path;
    if (list !== 'themes') {
      Object.assign(errors, fieldErrorsFor(OUTCOME_MESSAGES, [list]));
      continue;
    }
    if (typeof index !== 'number') {
      errors['theme-1-title'] = 'wsConsultations.error.themes';
      continue;
    }
    const slot = filled[index]?.slot ?? 1;
    errors[`theme-${slot}-${part === 'description' ? 'description' : 'title'}`] = part === 'description' ? 'wsConsultations.error.themeDescription' : 'wsConsultations.error.themeTitle';
  }
  return errors;
};

/** A proposal or commitment ticked that the form did not offer (a forged or stale form) is refused beside its list. */
const unofferedOutcomes = (outcomes: OutcomeValues, candidates: OutcomeCandidates): FieldErrors => {
  const offered = { proposalDocumentIds: candidates.proposals, commitmentDocumentIds: candidates.commitments };
  const refused = (Object.keys(OUTCOME_MESSAGES) as Array<keyof OutcomeValues>).filter((list) =>
    outcomes[list].some((documentId) => !offered[list].some((candidate) => candidate.documentId === documentId))
  );
  return fieldErrorsFor(OUTCOME_MESSAGES, refused);
};

const summaryPage = async (
  context: PortalContext,
  municipality: Municipality,
  consultation: Consultation,
  values: { themes: ThemeValues; outcomes: OutcomeValues; candidates?: OutcomeCandidates },
  errors: FieldErrors,
  status = 200
): Promise<PortalPage> => {
  const consultations = getService(context.strapi, 'consultation');
  return {
    title: context.i18n.t('wsConsultations.summaryTitle', { topic: consultation.topic }),
    status,
    noStore: true,
    body: createElement(WsSummaryPage, {
      municipality,
      consultation,
      counts: await consultations.inputCounts(municipality.code, consultation.documentId),
      themes: values.themes,
      candidates: values.candidates ?? (await consultations.outcomeCandidates(municipality.code, consultation.documentId)),
      outcomes: values.outcomes,
      errors,
    }),
  };
};

/**
 * The consultations workspace (#15, item 12): prepare, open and close a consultation, type in answers
 * given on paper, by phone or in a meeting with the person's consent, read the answers, and publish
 * what was heard. Each route is decided by the access table for the path's municipality, like the API.
 */
export const wsConsultationRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/consultations',
    actions: ['consultation.create'],
    params: communityParams,
    handle: async ({ params, query, context }) => {
      const municipality = await municipalityOf(context, params.municipalityCode);
      const consultations = await getService(context.strapi, 'consultation').find({ municipality: municipality.code, page: pageOf(query), pageSize: 25 });
      return {
        title: context.i18n.t('wsConsultations.title'),
        noStore: true,
        body: createElement(WsConsultationsPage, { municipality, consultations, done: doneOf(query, DONE) }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/consultations/new',
    actions: ['consultation.create'],
    params: communityParams,
    handle: async ({ params, context }) => formPage(context, await municipalityOf(context, params.municipalityCode), { targetGroups: [] }, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/consultations/new',
    actions: ['consultation.create'],
    params: communityParams,
    handle: async ({ params, form, context }) => {
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = formValues(form);
      const parsed = consultationBody.shape.data.safeParse(consultationCandidate(values, municipality));
      if (!parsed.success) return formPage(context, municipality, values, fieldErrorsFor(FORM_MESSAGES, zodIssuePaths(parsed.error)), 400);
      const created = await getService(context.strapi, 'consultation').create(municipality.code, parsed.data, context.user!.id);
      return { redirect: context.href(`${base(municipality.code)}/${created.documentId}?done=created`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/consultations/:id',
    actions: ['consultation.findInputs'],
    params: recordParams,
    handle: async ({ params, query, context }) => {
      const consultation = await loadConsultation(context, params);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const service = getService(context.strapi, 'consultation');
      const [counts, inputs, meetings] = await Promise.all([
        service.inputCounts(municipality.code, consultation.documentId),
        service.listInputs(municipality.code, consultation.documentId, { page: pageOf(query), pageSize: 20 }),
        getService(context.strapi, 'meeting').find({ consultation: consultation.documentId, page: 1, pageSize: 100 }),
      ]);
      const may = (action: 'consultation.update' | 'consultation.transition' | 'consultation.submitOffline' | 'consultation.publishSummary') => decideAccess(action, context.actor, municipality.code).allowed;
      const { status } = consultation;
      return {
        title: consultation.topic,
        noStore: true,
        body: createElement(WsConsultationPage, {
          municipality,
          consultation,
          counts,
          inputs,
          meetings: { list: meetings.data, maySchedule: takesMeetings(consultation) && decideAccess('meeting.create', context.actor, municipality.code).allowed },
          done: doneOf(query, DONE),
          actions: {
            edit: status === 'draft' && may('consultation.update'),
            open: status === 'draft' && may('consultation.transition'),
            close: status === 'open' && may('consultation.transition'),
            enterOffline: (status === 'open' || status === 'closed') && may('consultation.submitOffline'),
            publishSummary: status === 'closed' && may('consultation.publishSummary'),
          },
        }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/consultations/:id/edit',
    actions: ['consultation.update'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const consultation = await loadConsultation(context, params);
      if (consultation.status !== 'draft') return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      return formPage(context, municipality, storedValues(consultation, municipality), {}, 200, consultation);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/consultations/:id/edit',
    actions: ['consultation.update'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const consultation = await loadConsultation(context, params);
      if (consultation.status !== 'draft') return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = formValues(form);
      const parsed = consultationBody.shape.data.safeParse(consultationCandidate(values, municipality));
      if (!parsed.success) return formPage(context, municipality, values, fieldErrorsFor(FORM_MESSAGES, zodIssuePaths(parsed.error)), 400, consultation);
      try {
        await getService(context.strapi, 'consultation').update(municipality.code, consultation.documentId, parsed.data);
      } catch (error) {
        // Opened meanwhile (in another window): its questions may already have answers, so nothing changes.
        if (isConflict(error)) return conflictPage(context);
        throw error;
      }
      return { redirect: context.href(`${base(municipality.code)}/${consultation.documentId}?done=changed`) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/consultations/:id/open',
    actions: ['consultation.transition'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const consultation = await loadConsultation(context, params);
      await getService(context.strapi, 'consultation').transition(params.municipalityCode, consultation.documentId, 'open');
      return { redirect: context.href(`${base(params.municipalityCode)}/${consultation.documentId}?done=opened`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/consultations/:id/close',
    actions: ['consultation.transition'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const consultation = await loadConsultation(context, params);
      if (consultation.status !== 'open') return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const counts = await getService(context.strapi, 'consultation').inputCounts(municipality.code, consultation.documentId);
      const { t } = context.i18n;
      const address = context.href(`${base(municipality.code)}/${consultation.documentId}`);
      return {
        title: t('wsConsultations.closeTitle', { topic: consultation.topic }),
        noStore: true,
        body: createElement(WsConfirmPage, {
          municipality,
          trail: consultationTrail(context, municipality, consultation),
          title: topicConfirm('wsConsultations.closeTitle', municipality, consultation),
          rows: [
            { label: t('wsConsultations.period'), value: t('consultation.dates', { opens: context.i18n.date(consultation.opensAt), closes: context.i18n.date(consultation.closesAt) }) },
            { label: t('consultation.inputs'), value: context.i18n.number(Object.values(counts).reduce((sum, count) => sum + count, 0)) },
          ],
          warning: t('wsConsultations.closeWarning'),
          action: `${address}/close`,
          submitLabel: t('wsConsultations.closeConfirm'),
          backHref: address,
          backLabel: t('wsConsultations.back'),
        }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/consultations/:id/close',
    actions: ['consultation.transition'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const consultation = await loadConsultation(context, params);
      await getService(context.strapi, 'consultation').transition(params.municipalityCode, consultation.documentId, 'close');
      return { redirect: context.href(`${base(params.municipalityCode)}/${consultation.documentId}?done=closed`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/consultations/:id/offline-inputs',
    actions: ['consultation.submitOffline'],
    params: recordParams,
    handle: async ({ params, query, context }) => {
      const consultation = await loadConsultation(context, params);
      if (consultation.status !== 'open' && consultation.status !== 'closed') return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      // After one form, the next starts on the same channel: a stack of paper forms stays on paper.
      const channel = typeof query.channel === 'string' ? query.channel : undefined;
      return offlinePage(context, municipality, consultation, emptyOffline(channel), {}, doneOf(query, DONE));
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/consultations/:id/offline-inputs',
    actions: ['consultation.submitOffline'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const consultation = await loadConsultation(context, params);
      if (consultation.status !== 'open' && consultation.status !== 'closed') return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const values = offlineValues(form, consultation);
      const declared = offlineDeclaration(values);
      const candidate = given({
        channel: values.channel,
        offlineReference: values.offlineReference,
        answers: Object.entries(values.answers).filter(([, text]) => text).map(([questionId, text]) => ({ questionId, text })),
        consent: { given: values.consentGiven, ...given({ method: values.consentMethod, note: values.consentNote }) },
        demographics: declared.declaration,
      });
      const parsed = offlineInputBody.shape.data.safeParse(candidate);
      if (!parsed.success || Object.keys(declared.fieldErrors).length > 0) {
        const errors = parsed.success ? {} : fieldErrorsFor(OFFLINE_MESSAGES, parsed.error.issues.map((issue) => offlineField(issue.path)));
        return offlinePage(context, municipality, consultation, values, { ...errors, ...declared.fieldErrors }, null, 400);
      }
      try {
        await getService(context.strapi, 'consultation').submitOffline(municipality.code, consultation.documentId, parsed.data, context.user!.id);
      } catch (error) {
        // The same reference twice is the same form entered again: said beside the reference, nothing written.
        if (isConflict(error)) return offlinePage(context, municipality, consultation, values, { offlineReference: 'wsConsultations.error.referenceTaken' }, null, 409);
        const fields = refusedPaths(error);
        if (!fields) throw error;
        return offlinePage(context, municipality, consultation, values, fieldErrorsFor(OFFLINE_MESSAGES, fields), null, 400);
      }
      return { redirect: context.href(`${base(municipality.code)}/${consultation.documentId}/offline-inputs?done=recorded&channel=${encodeURIComponent(parsed.data.channel)}`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/consultations/:id/summary',
    actions: ['consultation.publishSummary'],
    params: recordParams,
    handle: async ({ params, context }) => {
      const consultation = await loadConsultation(context, params);
      if (consultation.status !== 'closed') return conflictPage(context);
      return summaryPage(context, await municipalityOf(context, params.municipalityCode), consultation, { themes: themeValues({}), outcomes: outcomeValues({}) }, {});
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/consultations/:id/summary',
    actions: ['consultation.publishSummary'],
    params: recordParams,
    handle: async ({ params, form, context }) => {
      const consultation = await loadConsultation(context, params);
      if (consultation.status !== 'closed') return conflictPage(context);
      const municipality = await municipalityOf(context, params.municipalityCode);
      const themes = themeValues(form);
      const outcomes = outcomeValues(form);
      const filled = filledThemes(themes);
      const candidates = await getService(context.strapi, 'consultation').outcomeCandidates(municipality.code, consultation.documentId);
      const refused = (errors: FieldErrors) => summaryPage(context, municipality, consultation, { themes, outcomes, candidates }, errors, 400);
      const parsed = summaryBody.safeParse({ data: { themes: filled.map(({ title, description }) => ({ title, description })), ...outcomes } });
      if (!parsed.success) return refused(summaryErrors(parsed.error, filled));
      const unoffered = unofferedOutcomes(outcomes, candidates);
      if (Object.keys(unoffered).length > 0) return refused(unoffered);
      const address = context.href(`${base(municipality.code)}/${consultation.documentId}`);
      if (field(form, 'confirmed') !== 'yes') {
        // Publishing closes the consultation for good: check the answers first (GOV.UK "check your answers").
        const { t } = context.i18n;
        const hidden = Object.fromEntries(filled.flatMap((theme, index) => [[`theme-${index + 1}-title`, theme.title], [`theme-${index + 1}-description`, theme.description]]));
        const ticked = <Candidate extends { documentId: string }>(list: Candidate[], chosen: string[]) => list.filter((candidate) => chosen.includes(candidate.documentId));
        const language = municipality.contentLanguage;
        const ledTo = [
          ...ticked(candidates.proposals, outcomes.proposalDocumentIds).map((proposal) => userText(proposal.title, writtenIn(proposal, municipality))),
          ...ticked(candidates.commitments, outcomes.commitmentDocumentIds).map((commitment) => userText(commitment.text, language)),
        ];
        return {
          title: t('wsConsultations.summaryConfirmTitle', { topic: consultation.topic }),
          noStore: true,
          body: createElement(WsConfirmPage, {
            municipality,
            trail: consultationTrail(context, municipality, consultation),
            title: topicConfirm('wsConsultations.summaryConfirmTitle', municipality, consultation),
            rows: [
              ...filled.map((theme) => ({ label: theme.title, value: theme.description })),
              { label: t('wsConsultations.ledTo'), value: ledTo.length > 0 ? createElement('ul', null, ...ledTo.map((item, index) => createElement('li', { key: index }, item))) : t('wsConsultations.ledToNone') },
            ],
            warning: t('wsConsultations.summaryWarning'),
            action: `${address}/summary`,
            hidden: { ...hidden, ...outcomes, confirmed: 'yes' },
            submitLabel: t('wsConsultations.summaryConfirm'),
            backHref: `${address}/summary`,
            backLabel: t('wsConsultations.back'),
          }),
        };
      }
      try {
        await getService(context.strapi, 'consultation').publishSummary(municipality.code, consultation.documentId, parsed.data.data);
      } catch (error) {
        const fields = refusedPaths(error);
        if (!fields) throw error;
        return refused(fieldErrorsFor(OUTCOME_MESSAGES, fields));
      }
      return { redirect: `${address}?done=summarised` };
    },
  }),
];

