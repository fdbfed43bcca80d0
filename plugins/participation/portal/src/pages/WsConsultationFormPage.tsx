import { TARGET_GROUPS } from '../../../server/src/domain/proposals/statuses';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
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

/** Prepare a consultation: it stays in preparation (a draft) until it is opened. */
export const WsConsultationFormPage = ({ municipality, values, errors }: { municipality: Municipality; values: ConsultationFormValues; errors: FieldErrors }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsConsultations.title'), path: '/consultations' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsConsultations.new')}</h1>
      <form method="post" action={href(`/workspace/${municipality.code}/consultations/new`)} noValidate>
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
          {t('wsConsultations.create')}
        </button>
      </form>
    </>
  );
};
