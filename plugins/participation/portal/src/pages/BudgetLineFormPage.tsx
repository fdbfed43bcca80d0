import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../../server/src/domain/budget-lines/markers';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Choices } from '../components/Choices';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';
import { BUDGET_LINE_FIELD_LABELS, type BudgetLineFormValues } from '../workspace/budget-line-form';

const AMOUNTS = ['approved', 'revised', 'committed', 'spent'] as const;

/** Add a budget line, or change one (`line`): the fields the API takes, each refusal beside its field. */
export const BudgetLineFormPage = ({
  municipality,
  values,
  errors,
  action,
  line,
}: {
  municipality: WorkspaceMunicipality & { currency: string };
  values: BudgetLineFormValues;
  errors: FieldErrors;
  action: string;
  line?: BudgetLine;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const label = (field: keyof typeof BUDGET_LINE_FIELD_LABELS) => t(BUDGET_LINE_FIELD_LABELS[field]);
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsBudget.title'), path: '/budget-lines' }]} />
      <ErrorSummary errors={errors} />
      <h1>{line ? t('wsBudget.editTitle') : t('wsBudget.newTitle')}</h1>
      <form method="post" action={action} noValidate>
        <CsrfField />
        <TextField name="fiscalYear" label={label('fiscalYear')} value={values.fiscalYear} error={errors.fiscalYear} inputMode="numeric" />
        <TextField name="code" label={label('code')} hint={t('wsBudget.hint.code')} value={values.code} error={errors.code} />
        <TextField name="name" label={label('name')} value={values.name} error={errors.name} />
        <TextField name="programme" label={label('programme')} hint={t('wsBudget.hint.optional')} value={values.programme} error={errors.programme} />
        <TextField
          name="functionalClassification"
          label={label('functionalClassification')}
          hint={t('wsBudget.hint.functionalClassification')}
          value={values.functionalClassification}
          error={errors.functionalClassification}
        />
        {AMOUNTS.map((amount) => (
          <TextField
            key={amount}
            name={amount}
            label={t('wsBudget.amountLabel', { field: label(amount), currency: municipality.currency })}
            hint={t(`wsBudget.hint.${amount}` as MessageKey)}
            value={values[amount]}
            error={errors[amount]}
            inputMode="decimal"
          />
        ))}
        <Choices
          name="genderMarker"
          type="radio"
          legend={label('genderMarker')}
          error={errors.genderMarker}
          checked={[values.genderMarker || 'none']}
          options={GENDER_MARKERS.map((marker) => ({ value: marker, label: t(`marker.gender.${marker}` as MessageKey) }))}
        />
        <Choices
          name="youthMarker"
          type="radio"
          legend={label('youthMarker')}
          error={errors.youthMarker}
          checked={[values.youthMarker || 'none']}
          options={YOUTH_MARKERS.map((marker) => ({ value: marker, label: t(`marker.youth.${marker}` as MessageKey) }))}
        />
        <TextField name="sdgTargets" label={label('sdgTargets')} hint={t('wsBudget.hint.sdgTargets')} value={values.sdgTargets} error={errors.sdgTargets} />
        <div className="button-group">
          <button type="submit" className="button">
            {line ? t('wsBudget.save') : t('wsBudget.create')}
          </button>
          <a href={href(`/workspace/${municipality.code}/budget-lines${values.fiscalYear && /^\d{4}$/.test(values.fiscalYear) ? `?year=${values.fiscalYear}` : ''}`)}>{t('wsBudget.cancel')}</a>
        </div>
      </form>
    </>
  );
};
