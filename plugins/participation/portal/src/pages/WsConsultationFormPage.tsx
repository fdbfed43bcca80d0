import { TARGET_GROUPS } from '../../../server/src/domain/proposals/statuses';
import type { Consultation } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import { ConsultationWorkspaceTrail } from '../components/ConsultationWorkspaceTrail';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';
import { Choices } from '../components/Choices';

export interface ConsultationFormValues {
  topic?: string;
  description?: string;
  /** One question a line, as typed. */
  questions?: string;
  opensAt?: string;
  closesAt?: string;
  targetGroups: string[];
}

/**
 * Prepare a consultation, or change one still in preparation (`consultation` given): it stays a draft
 * until it is opened, and its questions, documents and dates change only until then.
 */
export const WsConsultationFormPage = ({
  municipality,
  consultation,
  values,
  errors,
}: {
  municipality: Municipality;
  consultation?: Consultation;
  values: ConsultationFormValues;
  errors: FieldErrors;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const action = consultation ? `/workspace/${municipality.code}/consultations/${consultation.documentId}/edit` : `/workspace/${municipality.code}/consultations/new`;
  return (
    <>
      <ConsultationWorkspaceTrail municipality={municipality} consultation={consultation} />
      <ErrorSummary errors={errors} />
      <h1>{consultation ? <Message id="wsConsultations.editTitle" values={{ topic: <UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText> }} /> : t('wsConsultations.new')}</h1>
      <form method="post" action={href(action)} noValidate>
        <CsrfField />
        <TextField name="topic" label={t('wsConsultations.topic')} value={values.topic} error={errors.topic} />
        <TextArea name="description" label={t('wsConsultations.description')} value={values.description} error={errors.description} rows={4} />
        <TextArea name="questions" label={t('wsConsultations.questions')} hint={t('wsConsultations.questionsHint')} value={values.questions} error={errors.questions} rows={5} />
        <TextField name="opensAt" type="date" label={t('wsConsultations.opensOn')} hint={t('wsConsultations.dateHint')} value={values.opensAt} error={errors.opensAt} />
        <TextField name="closesAt" type="date" label={t('wsConsultations.closesOn')} hint={t('wsConsultations.dateHint')} value={values.closesAt} error={errors.closesAt} />
        <Choices
          name="targetGroups"
          type="checkbox"
          legend={t('wsConsultations.targetGroups')}
          error={errors.targetGroups}
          checked={values.targetGroups}
          options={TARGET_GROUPS.map((group) => ({ value: group, label: t(`targetGroup.${group}` as MessageKey) }))}
        />
        <button type="submit" className="button">
          {consultation ? t('wsConsultations.saveChanges') : t('wsConsultations.create')}
        </button>
      </form>
    </>
  );
};
