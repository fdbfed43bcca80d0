import { createElement } from 'react';
import { z } from 'zod';
import { getService } from '../../../server/src/utils/get-service';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { consultationRoutes } from '../../../server/src/routes/content-api/consultations';
import type { Consultation } from '../../../shared/contracts/consultations';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import { ConsultationsPage } from '../pages/ConsultationsPage';
import { ConsultationPage } from '../pages/ConsultationPage';
import { ConsultationAnswerPage, answerField } from '../pages/ConsultationAnswerPage';
import { ProblemPage } from '../pages/ProblemPage';

const consultationParams = z.object({ consultationId: documentIdSchema });
const PAGE_SIZE = 100;

/** The confirmations a consultation page shows after an answer redirected to it. */
const CONSULTATION_NOTICES = ['answered', 'changed'] as const;

/** Open, and within its dates: what the consultation service checks before taking an answer. */
const takesAnswers = (consultation: Pick<Consultation, 'status' | 'opensAt' | 'closesAt'>, now = Date.now()) =>
  consultation.status === 'open' && now >= Date.parse(consultation.opensAt) && now <= Date.parse(consultation.closesAt);

const notTakingAnswers = (context: PortalContext) => ({ ...ProblemPage({ status: 409, i18n: context.i18n }), status: 409 });

/** The form as the API's body: every answered question, and consent only when the box is ticked. */
const bodyOf = (consultation: Consultation, form: FormValues) => ({
  data: {
    answers: consultation.questions.flatMap((question) => {
      const answer = text(form, answerField(question.id));
      return answer.trim() ? [{ questionId: question.id, text: answer }] : [];
    }),
    ...(text(form, 'consent') === 'yes' ? { consent: true } : {}),
  },
});

/** The API schema's complaints, each beside its field: a question's answer, "answer something", consent. */
const errorsOf = (consultation: Consultation, body: ReturnType<typeof bodyOf>, issues: z.core.$ZodIssue[]): FieldErrors => {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const [, field, index] = issue.path;
    if (field === 'consent') fieldErrors.consent = 'consultation.error.consent';
    else if (field === 'answers' && typeof index === 'number') fieldErrors[answerField(body.data.answers[index].questionId)] = 'consultation.error.answer';
    else if (field === 'answers') fieldErrors[answerField(consultation.questions[0].id)] = 'consultation.error.noAnswer';
  }
  return fieldErrors;
};

const answerPage = (context: PortalContext, consultation: Consultation, values: Record<string, string>, consent: boolean, answeredBefore: boolean, fieldErrors: FieldErrors = {}, status = 200) => ({
  title: context.i18n.t('consultation.answerTitle', { topic: consultation.topic }),
  status,
  body: createElement(ConsultationAnswerPage, { consultation, values, consent, answeredBefore, errors: fieldErrors }),
});

export const consultationPortalRoutes = [
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/consultations',
    actions: ['municipality.findOne', 'consultation.find'],
    params: z.object({ municipalityCode: municipalityCodeParam }),
    handle: async ({ params, query, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(text(query, 'page') || 1);
      const list = await getService(context.strapi, 'consultation').find({ municipality: municipality.code, page, pageSize: PAGE_SIZE });
      // A draft is the organisers' work in progress; the public list starts when it opens.
      const consultations = list.data.filter((consultation) => consultation.status !== 'draft');
      return {
        title: context.i18n.t('consultations.title', { municipality: municipality.name }),
        body: createElement(ConsultationsPage, { municipality, consultations, page, pageCount: list.meta.pagination.pageCount }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/consultations/:consultationId',
    actions: ['consultation.findOne', 'municipality.findOne'],
    params: consultationParams,
    handle: async ({ params, query, context }) => {
      const consultation = await getService(context.strapi, 'consultation').findOne(params.consultationId);
      const [municipality, answered] = await Promise.all([
        getService(context.strapi, 'municipality').getByCode(consultation.municipalityCode),
        context.user ? getService(context.strapi, 'consultation').ownOnlineAnswers(consultation.documentId, context.user.id).then((answers) => answers.length > 0) : false,
      ]);
      const done = CONSULTATION_NOTICES.find((notice) => notice === query.done);
      return { title: consultation.topic, body: createElement(ConsultationPage, { consultation, municipality, open: takesAnswers(consultation), answered, done }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/consultations/:consultationId/answer',
    actions: ['consultation.findOne', 'consultation.submitOnline'],
    params: consultationParams,
    handle: async ({ params, context }) => {
      const consultations = getService(context.strapi, 'consultation');
      const consultation = await consultations.findOne(params.consultationId);
      if (!takesAnswers(consultation)) return notTakingAnswers(context);
      const answers = await consultations.ownOnlineAnswers(consultation.documentId, context.user!.id);
      const values = Object.fromEntries(answers.map((answer) => [answerField(answer.questionId), answer.text]));
      return answerPage(context, consultation, values, false, answers.length > 0);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/consultations/:consultationId/answer',
    actions: ['consultation.findOne', 'consultation.submitOnline'],
    params: consultationParams,
    handle: async ({ params, form, context }) => {
      const consultations = getService(context.strapi, 'consultation');
      const consultation = await consultations.findOne(params.consultationId);
      if (!takesAnswers(consultation)) return notTakingAnswers(context);
      const values = Object.fromEntries(consultation.questions.map((question) => [answerField(question.id), text(form, answerField(question.id))]));
      const consent = text(form, 'consent') === 'yes';
      const answeredBefore = (await consultations.ownOnlineAnswers(consultation.documentId, context.user!.id)).length > 0;
      // The API's own body schema decides what is acceptable, consent included.
      const body = bodyOf(consultation, form);
      const parsed = consultationRoutes.submitOnline.body.safeParse(body);
      if (!parsed.success) return answerPage(context, consultation, values, consent, answeredBefore, errorsOf(consultation, body, parsed.error.issues), 400);
      // Closed between the page and the answer: the service's 409, a 409 page (http/serve.ts).
      const { replaced } = await consultations.submitOnline(consultation.documentId, context.user!.id, parsed.data.data.answers);
      return { redirect: context.href(`/consultations/${consultation.documentId}?done=${replaced ? 'changed' : 'answered'}`) };
    },
  }),
];
