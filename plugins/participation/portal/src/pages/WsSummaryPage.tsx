import type { Consultation, InputChannel } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { CommitmentKind } from '../../../shared/contracts/dialogue-groups';
import type { PortalLanguage } from '../i18n/languages';
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
import { Choices } from '../components/Choices';

/** Room for this many themes; empty ones are left out. */
export const THEME_SLOTS = 5;

export type ThemeValues = Array<{ title: string; description: string }>;

/** What the summary may say the consultation led to (the consultation service's `outcomeCandidates`). */
export interface OutcomeCandidates {
  proposals: Array<{ documentId: string; title: string; language: PortalLanguage | null }>;
  commitments: Array<{ documentId: string; kind: CommitmentKind; text: string }>;
}

/** The candidates ticked, by the names of the API's fields. */
export interface OutcomeValues {
  proposalDocumentIds: string[];
  commitmentDocumentIds: string[];
}

/**
 * What was heard, before it is published: the themes in the organisers' words, beside the counts it will
 * publish, and what it led to: proposals and commitments recorded since it opened, ticked from a list.
 */
export const WsSummaryPage = ({
  municipality,
  consultation,
  counts,
  themes,
  candidates,
  outcomes,
  errors,
}: {
  municipality: Municipality;
  consultation: Consultation;
  counts: Record<InputChannel, number>;
  themes: ThemeValues;
  candidates: OutcomeCandidates;
  outcomes: OutcomeValues;
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
        <h2>{t('wsConsultations.ledTo')}</h2>
        {candidates.proposals.length === 0 && candidates.commitments.length === 0 ? (
          <p>{t('wsConsultations.ledToNothingYet')}</p>
        ) : (
          <p>{t('wsConsultations.ledToIntro')}</p>
        )}
        {candidates.proposals.length > 0 && (
          <Choices
            type="checkbox"
            name="proposalDocumentIds"
            legend={t('wsConsultations.ledToProposals')}
            error={errors.proposalDocumentIds}
            options={candidates.proposals.map((proposal) => ({ value: proposal.documentId, label: <UserText language={writtenIn(proposal, municipality)}>{proposal.title}</UserText> }))}
            checked={outcomes.proposalDocumentIds}
          />
        )}
        {candidates.commitments.length > 0 && (
          <Choices
            type="checkbox"
            name="commitmentDocumentIds"
            legend={t('wsConsultations.ledToCommitments')}
            error={errors.commitmentDocumentIds}
            options={candidates.commitments.map((commitment) => ({
              value: commitment.documentId,
              label: (
                <>
                  {t(`commitment.kind.${commitment.kind}`)}: <UserText language={municipality.contentLanguage}>{commitment.text}</UserText>
                </>
              ),
            }))}
            checked={outcomes.commitmentDocumentIds}
          />
        )}
        <button type="submit" className="button">
          {t('wsConsultations.checkSummary')}
        </button>
      </form>
    </>
  );
};
