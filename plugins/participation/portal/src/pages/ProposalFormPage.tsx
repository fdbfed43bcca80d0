import Decimal from 'decimal.js';
import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../../server/src/domain/budget-lines/markers';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';
import { Choices } from '../components/Choices';
import { SelectField } from '../components/SelectField';
import { ProposalFundingFields } from '../components/ProposalFundingFields';
import { LANGUAGE_NAMES, PORTAL_LANGUAGES } from '../i18n/languages';
import { UserText, writtenIn } from '../components/UserText';

/** The form's fields as typed, kept when the form comes back with errors. */
export interface ProposalFormValues {
  title?: string;
  easyReadSummary?: string;
  description?: string;
  location?: string;
  districtCode?: string;
  requestedAmount?: string;
  budgetLineCodes: string[];
  targetGroups: string[];
  genderMarker?: string;
  genderImpactStatement?: string;
  youthMarker?: string;
  /** Absent: the municipality's content language (a proposal stored without one). */
  language?: string;
}

/** Submit or change a proposal: what, where, how much, from which budget lines, for whom. */
export const ProposalFormPage = ({
  round,
  municipality,
  lines,
  values,
  errors,
  action,
  editing,
}: {
  round: Round;
  municipality: Municipality;
  lines: BudgetLine[];
  values: ProposalFormValues;
  errors: FieldErrors;
  action: string;
  editing: boolean;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>
          <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t(editing ? 'proposalForm.editTitle' : 'proposalForm.title')}</h1>
      <form method="post" action={action} noValidate>
        <CsrfField />
        <SelectField
          name="language"
          label={t('proposalForm.languageLabel')}
          hint={t('proposalForm.languageHint')}
          value={values.language ?? municipality.contentLanguage}
          error={errors.language}
          options={PORTAL_LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language }))}
        />
        <TextField name="title" label={t('proposalForm.titleLabel')} hint={t('proposalForm.titleHint')} value={values.title} error={errors.title} />
        <TextArea name="easyReadSummary" label={t('proposalForm.summaryLabel')} hint={t('proposalForm.summaryHint')} value={values.easyReadSummary} error={errors.easyReadSummary} rows={3} />
        <TextArea name="description" label={t('proposalForm.descriptionLabel')} hint={t('proposalForm.descriptionHint')} value={values.description} error={errors.description} rows={8} />
        <TextField name="location" label={t('proposalForm.locationLabel')} value={values.location} error={errors.location} />
        {round.districts.length > 0 && (
          <Choices
            name="districtCode"
            type="radio"
            legend={t('proposalForm.districtLabel')}
            error={errors.districtCode}
            checked={values.districtCode ? [values.districtCode] : []}
            options={round.districts.map((district) => ({ value: district.code, label: district.name }))}
          />
        )}
        <ProposalFundingFields
          currency={municipality.currency}
          contentLanguage={municipality.contentLanguage}
          values={values}
          errors={errors}
          lines={lines.map((line) => ({
            code: line.code,
            name: line.name,
            detail: `– ${t('proposalForm.left', { amount: i18n.money(new Decimal(line.amounts.revised).minus(line.amounts.committed).toFixed(2), municipality.currency) })}`,
          }))}
        />
        <Choices
          name="genderMarker"
          type="radio"
          legend={t('proposalForm.genderMarkerLabel')}
          error={errors.genderMarker}
          checked={[values.genderMarker ?? 'none']}
          options={GENDER_MARKERS.map((marker) => ({ value: marker, label: t(`marker.gender.${marker}` as MessageKey) }))}
        />
        <TextArea
          name="genderImpactStatement"
          label={t('proposalForm.genderImpactLabel')}
          hint={t('proposalForm.genderImpactHint')}
          value={values.genderImpactStatement}
          error={errors.genderImpactStatement}
          rows={3}
        />
        <Choices
          name="youthMarker"
          type="radio"
          legend={t('proposalForm.youthMarkerLabel')}
          error={errors.youthMarker}
          checked={[values.youthMarker ?? 'none']}
          options={YOUTH_MARKERS.map((marker) => ({ value: marker, label: t(`marker.youth.${marker}` as MessageKey) }))}
        />
        <button type="submit" className="button">
          {t(editing ? 'proposalForm.saveChanges' : 'proposalForm.submit')}
        </button>
      </form>
    </>
  );
};
