import { DECISION_KINDS } from '../../../server/src/domain/decision-log/decision-kinds';
import { formatMinor } from '../../../server/src/domain/money/amount';
import type { DecisionBody } from '../../../server/src/routes/content-api/validation/decisions';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Choices } from '../components/Choices';
import { ConfirmForm } from '../components/ConfirmForm';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { SelectField } from '../components/SelectField';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { answersQuery, givenAnswers } from '../workspace/answers';
import { lineChoice, subjectChoice, type DecisionChoices, type DecisionFormValues } from '../workspace/decision-form';

/**
 * Publish a decision (or a correction) in the append-only log: the form, then every answer shown back
 * before anything is written, since an entry once published stays.
 */
export const PublishDecisionPage = ({
  municipality,
  choices,
  ...state
}: { municipality: Municipality; choices: DecisionChoices } & (
  | { step: 'form'; values: DecisionFormValues; errors: FieldErrors }
  | { step: 'confirm'; values: DecisionFormValues; decision: DecisionBody }
)) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/decisions`;
  const lineLabel = (line: { code: string; fiscalYear: number; name?: string }) =>
    `${t('decision.subject.budgetLine', { code: line.code, year: String(line.fiscalYear) })}${line.name ? ` – ${line.name}` : ''}`;
  const subjectOptions = [
    ...choices.proposals.map((proposal) => ({ value: `proposal:${proposal.documentId}`, label: t('decision.subject.proposal', { title: proposal.title }) })),
    ...choices.rounds.map((round) => ({ value: `round:${round.documentId}`, label: t('decision.subject.round', { title: round.title }) })),
    ...choices.lines.map((line) => ({ value: `budget-line:${lineChoice(line)}`, label: lineLabel(line) })),
  ];
  const lineOptions = choices.lines.map((line) => ({ value: lineChoice(line), label: lineLabel(line) }));
  const labelOf = (options: Array<{ value: string; label: string }>, value: string) => options.find((option) => option.value === value)?.label ?? value;
  const errors = state.step === 'form' ? state.errors : {};
  const { values } = state;
  const correcting = Boolean(values.correctsEntry);

  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsDecisions.title'), path: '/decisions' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t(state.step === 'confirm' ? 'wsDecisions.confirmTitle' : correcting ? 'wsDecisions.correctTitle' : 'wsDecisions.newTitle')}</h1>
      {state.step === 'confirm' ? (
        <ConfirmForm
          rows={[
            { label: t('decision.kind'), value: t(`decision.kind.${state.decision.kind}` as MessageKey) },
            { label: t('decision.subject'), value: labelOf(subjectOptions, subjectChoice(state.decision.subject)) },
            ...(state.decision.amount !== undefined ? [{ label: t('decision.amount'), value: i18n.money(formatMinor(state.decision.amount), municipality.currency) }] : []),
            ...(state.decision.budgetLine ? [{ label: t('decision.budgetLine'), value: labelOf(lineOptions, lineChoice(state.decision.budgetLine)) }] : []),
            { label: t('decision.councilReference'), value: state.decision.councilDecisionReference },
            { label: t('decision.date'), value: i18n.date(state.decision.decisionDate) },
            { label: t('decision.rationale'), value: state.decision.rationale },
            ...(state.decision.correctsEntry !== undefined
              ? [{ label: t('decision.corrects'), value: t('decision.entryNumber', { sequence: state.decision.correctsEntry }) }]
              : []),
          ]}
          action={href(`${base}/publish`)}
          hidden={givenAnswers(values)}
          submitLabel={t('wsDecisions.publish')}
          backHref={href(`${base}/new?${answersQuery(values)}`)}
          backLabel={t('wsDecisions.back')}
          warning={t('wsDecisions.appendOnly')}
        />
      ) : (
        <form method="post" action={href(`${base}/new`)} noValidate>
          <CsrfField />
          <Choices
            name="kind"
            type="radio"
            legend={t('wsDecisions.kindLabel')}
            error={errors.kind}
            checked={values.kind ? [values.kind] : []}
            options={DECISION_KINDS.map((kind) => ({ value: kind, label: t(`wsDecisions.kind.${kind}` as MessageKey) }))}
          />
          <SelectField
            name="subject"
            label={t('wsDecisions.subjectLabel')}
            value={values.subject}
            error={errors.subject}
            options={[{ value: '', label: t('wsDecisions.choose') }, ...subjectOptions]}
          />
          <TextField
            name="amount"
            label={t('wsDecisions.amountLabel', { currency: municipality.currency })}
            hint={t('wsDecisions.amountHint')}
            value={values.amount}
            error={errors.amount}
            inputMode="decimal"
          />
          <SelectField
            name="budgetLine"
            label={t('wsDecisions.budgetLineLabel')}
            hint={t('wsDecisions.budgetLineHint')}
            value={values.budgetLine}
            error={errors.budgetLine}
            options={[{ value: '', label: t('wsDecisions.noBudgetLine') }, ...lineOptions]}
          />
          <TextField
            name="councilDecisionReference"
            label={t('wsDecisions.referenceLabel')}
            hint={t('wsDecisions.referenceHint')}
            value={values.councilDecisionReference}
            error={errors.councilDecisionReference}
          />
          <TextField name="decisionDate" label={t('wsDecisions.dateLabel')} hint={t('wsDecisions.dateHint')} value={values.decisionDate} error={errors.decisionDate} />
          <TextArea name="rationale" label={t('wsDecisions.rationaleLabel')} hint={t('wsDecisions.rationaleHint')} value={values.rationale} error={errors.rationale} rows={5} />
          <TextField
            name="correctsEntry"
            label={t('wsDecisions.correctsLabel')}
            hint={t('wsDecisions.correctsHint')}
            value={values.correctsEntry}
            error={errors.correctsEntry}
            inputMode="numeric"
          />
          <button type="submit" className="button">{t('wsDecisions.continue')}</button>
        </form>
      )}
    </>
  );
};
