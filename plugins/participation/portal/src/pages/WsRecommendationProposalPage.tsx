import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import type { Commitment } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';
import { Choices } from '../components/Choices';
import { ProposalFundingFields } from '../components/ProposalFundingFields';
import { userText, writtenIn } from '../components/UserText';

export interface RecommendationProposalValues {
  roundDocumentId?: string;
  title?: string;
  description?: string;
  requestedAmount?: string;
  budgetLineCodes: string[];
  targetGroups: string[];
}

/**
 * A dialogue group's recommendation put forward as a proposal in a round taking proposals: the
 * proposal names the recommendation, and the register links to the proposal.
 */
export const WsRecommendationProposalPage = ({
  municipality,
  commitment,
  rounds,
  lines,
  values,
  errors,
}: {
  municipality: Municipality;
  commitment: Commitment;
  rounds: Round[];
  lines: BudgetLine[];
  values: RecommendationProposalValues;
  errors: FieldErrors;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/commitments/${commitment.documentId}`;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsGroups.title'), path: '/dialogue-groups' }, { label: t('commitment.kind.recommendation'), path: `/commitments/${commitment.documentId}` }]} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsGroups.toProposal')}</h1>
      <p className="lead">{commitment.text}</p>
      {rounds.length === 0 ? (
        <p>{t('wsGroups.noRoundOpen')}</p>
      ) : (
        <form method="post" action={href(`${base}/proposal`)} noValidate>
          <CsrfField />
          <Choices
            name="roundDocumentId"
            type="radio"
            legend={t('wsGroups.round')}
            error={errors.roundDocumentId}
            checked={values.roundDocumentId ? [values.roundDocumentId] : []}
            options={rounds.map((round) => ({ value: round.documentId, label: userText(round.title, writtenIn(round, municipality)) }))}
          />
          <TextField name="title" label={t('proposalForm.titleLabel')} value={values.title} error={errors.title} />
          <TextArea name="description" label={t('proposalForm.descriptionLabel')} value={values.description} error={errors.description} rows={6} />
          <ProposalFundingFields
            currency={municipality.currency}
            contentLanguage={municipality.contentLanguage}
            values={values}
            errors={errors}
            lines={lines.map((line) => ({ code: line.code, name: line.name, detail: `(${line.fiscalYear})` }))}
          />
          <button type="submit" className="button">
            {t('wsGroups.createProposal')}
          </button>
        </form>
      )}
    </>
  );
};
