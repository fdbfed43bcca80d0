import type { Consultation } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { OFFLINE_INPUT_CHANNELS } from '../../../server/src/domain/consultations/input-channels';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import { ConsultationWorkspaceTrail } from '../components/ConsultationWorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { HintAndError, describedBy } from '../components/FieldParts';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';
import { Choices } from '../components/Choices';
import { DemographicAnswerFields, type DemographicsFormValues } from '../components/DemographicAnswerFields';
import { RecordedConsentFields, type RecordedConsentValues } from '../components/RecordedConsentFields';

export interface OfflineInputValues extends RecordedConsentValues {
  channel?: string;
  offlineReference?: string;
  /** By question id. */
  answers: Record<string, string>;
  /** What the person said about themselves, if they chose to (every question optional). */
  demographics: DemographicsFormValues;
  /** The person agreed that those answers are kept for the consultation's suppressed statistics. */
  demographicsConsent: boolean;
}

/**
 * An answer given on paper, by phone or in a meeting, typed in by a facilitator with the person's
 * consent. After each one the empty form comes back, so that a stack of paper forms goes one after another.
 */
export const WsOfflineInputPage = ({
  municipality,
  consultation,
  values,
  errors,
  done,
  minimumGroup,
}: {
  municipality: Municipality;
  consultation: Consultation;
  values: OfflineInputValues;
  errors: FieldErrors;
  done: MessageKey | null;
  /** The smallest group statistics show (statistics.minimumCellSize), told to the person. */
  minimumGroup: number;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/consultations/${consultation.documentId}`;
  return (
    <>
      <ConsultationWorkspaceTrail municipality={municipality} consultation={consultation} />
      <DoneNotice message={done} />
      <ErrorSummary errors={errors} />
      <h1>
        <Message id="wsConsultations.offlineTitle" values={{ topic: <UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText> }} />
      </h1>
      <form method="post" action={href(`${base}/offline-inputs`)} noValidate>
        <CsrfField />
        <Choices
          name="channel"
          type="radio"
          legend={t('wsConsultations.channelLegend')}
          error={errors.channel}
          checked={[values.channel ?? 'paper']}
          options={OFFLINE_INPUT_CHANNELS.map((channel) => ({ value: channel, label: t(`consultation.channel.${channel}` as MessageKey) }))}
        />
        <TextField name="offlineReference" label={t('wsConsultations.reference')} hint={t('wsConsultations.referenceHint')} value={values.offlineReference} error={errors.offlineReference} />
        <div className={errors.answers ? 'field field--error' : 'field'}>
          <fieldset id="answers" aria-describedby={describedBy('answers', t('consultation.answerHint'), errors.answers)}>
            <legend>{t('consultation.questions')}</legend>
            <HintAndError name="answers" hint={t('consultation.answerHint')} error={errors.answers} />
            {consultation.questions.map((question) => (
              <TextArea key={question.id} name={`answer-${question.id}`} label={<UserText language={writtenIn(consultation, municipality)}>{question.text}</UserText>} value={values.answers[question.id]} rows={4} />
            ))}
          </fieldset>
        </div>
        <RecordedConsentFields agreedTo={t('wsConsultations.consentGiven')} hint={t('wsConsultations.consentHint')} values={values} errors={errors} />
        <section aria-labelledby="about-person" className="field-group">
          <h2 id="about-person">{t('wsConsultations.aboutPerson')}</h2>
          <p className="hint">{t('wsConsultations.aboutPersonHint', { minimum: minimumGroup })}</p>
          <DemographicAnswerFields values={values.demographics} errors={errors} />
          <div className={errors.demographicsConsent ? 'field field--error' : 'field'}>
            <fieldset aria-describedby={describedBy('demographicsConsent', undefined, errors.demographicsConsent)}>
              <legend>{t('demographics.consentTitle')}</legend>
              <HintAndError name="demographicsConsent" error={errors.demographicsConsent} />
              <div className="choice">
                <input type="checkbox" id="demographicsConsent" name="demographicsConsent" value="yes" defaultChecked={values.demographicsConsent} />
                <label htmlFor="demographicsConsent">{t('wsConsultations.demographicsConsent')}</label>
              </div>
            </fieldset>
          </div>
        </section>
        <button type="submit" className="button">
          {t('wsConsultations.record')}
        </button>
      </form>
    </>
  );
};
