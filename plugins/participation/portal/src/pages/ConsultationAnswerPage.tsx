import type { Consultation } from '../../../shared/contracts/consultations';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextArea } from '../components/TextArea';
import { Choices } from '../components/Choices';

/** The form field of one question's answer. */
export const answerField = (questionId: string) => `answer-${questionId}`;

/**
 * Answer an open consultation, or change one's answer (a new answer replaces the earlier one). Any
 * question may be left out; consent is asked each time, as the consultation service stores input only with it.
 */
export const ConsultationAnswerPage = ({
  consultation,
  values,
  consent,
  answeredBefore,
  errors,
}: {
  consultation: Consultation;
  values: Record<string, string>;
  consent: boolean;
  answeredBefore: boolean;
  errors: FieldErrors;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/consultations/${consultation.documentId}`)}>{consultation.topic}</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t('consultation.answerTitle', { topic: consultation.topic })}</h1>
      <p>{t(answeredBefore ? 'consultation.answerReplaces' : 'consultation.answerIntro')}</p>
      <form method="post" action={href(`/consultations/${consultation.documentId}/answer`)} noValidate>
        <CsrfField />
        {consultation.questions.map((question) => (
          <TextArea
            key={question.id}
            name={answerField(question.id)}
            label={question.text}
            hint={t('consultation.answerHint')}
            value={values[answerField(question.id)]}
            error={errors[answerField(question.id)]}
            rows={5}
          />
        ))}
        <section aria-labelledby="consent-title" className="consent">
          <h2 id="consent-title">{t('consultation.consentTitle')}</h2>
          <p>{t('consultation.consentText')}</p>
        </section>
        <Choices
          name="consent"
          type="checkbox"
          legend={t('consultation.consentLegend')}
          error={errors.consent}
          checked={consent ? ['yes'] : []}
          options={[{ value: 'yes', label: t('consultation.consentLabel') }]}
        />
        <button type="submit" className="button">
          {t(answeredBefore ? 'consultation.saveAnswer' : 'consultation.sendAnswer')}
        </button>
      </form>
    </>
  );
};
