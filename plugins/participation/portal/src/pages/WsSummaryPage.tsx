import type { Consultation, InputChannel } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { INPUT_CHANNELS } from '../../../server/src/domain/consultations/input-channels';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import { ConsultationWorkspaceTrail } from '../components/ConsultationWorkspaceTrail';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';

/** Room for this many themes; empty ones are left out. */
export const THEME_SLOTS = 5;

export type ThemeValues = Array<{ title: string; description: string }>;

/** What was heard, before it is published: the themes in the organisers' words, beside the counts it will publish. */
export const WsSummaryPage = ({
  municipality,
  consultation,
  counts,
  themes,
  errors,
}: {
  municipality: Municipality;
  consultation: Consultation;
  counts: Record<InputChannel, number>;
  themes: ThemeValues;
  errors: FieldErrors;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/consultations/${consultation.documentId}`;
  return (
    <>
      <ConsultationWorkspaceTrail municipality={municipality} consultation={consultation} />
      <ErrorSummary errors={errors} />
      <h1>
        <Message id="wsConsultations.summaryTitle" values={{ topic: <UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText> }} />
      </h1>
      <p>{t('wsConsultations.summaryIntro')}</p>
      <ul>
        {INPUT_CHANNELS.map((channel) => (
          <li key={channel}>
            {t(`consultation.channel.${channel}` as MessageKey)}: {i18n.number(counts[channel])}
          </li>
        ))}
      </ul>
      <form method="post" action={href(`${base}/summary`)} noValidate>
        <CsrfField />
        {Array.from({ length: THEME_SLOTS }, (_, index) => {
          const slot = index + 1;
          return (
            <fieldset key={slot} className="field-group">
              <legend>{t('wsConsultations.theme', { number: slot })}</legend>
              <TextField name={`theme-${slot}-title`} label={t('wsConsultations.themeTitle')} value={themes[index]?.title} error={errors[`theme-${slot}-title`]} />
              <TextArea name={`theme-${slot}-description`} label={t('wsConsultations.themeDescription')} value={themes[index]?.description} error={errors[`theme-${slot}-description`]} rows={3} />
            </fieldset>
          );
        })}
        <button type="submit" className="button">
          {t('wsConsultations.checkSummary')}
        </button>
      </form>
    </>
  );
};
