import { RULE_NAMES, TIE_BREAKINGS } from '../../../server/src/domain/counting';
import { BALLOT_KINDS } from '../../../server/src/domain/voting/ballot-kinds';
import { DISTRICTS_PER_VOTER } from '../../../server/src/domain/rounds/round-settings';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { HintAndError, describedBy } from '../components/FieldParts';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';
import { SelectField } from '../components/SelectField';
import { RoundRules } from '../components/RoundRules';
import { RoundWorkspaceTrail } from '../components/RoundWorkspaceTrail';
import { SPARE_DISTRICT_ROWS, type FlagField, type RoundFormValues } from '../workspace/round-form';

/** A labelled checkbox; unticked sends nothing, which the form reads as "no". */
const Flag = ({ name, label, checked, error }: { name: FlagField; label: string; checked: boolean; error?: MessageKey }) => (
  <div className={error ? 'field field--error' : 'field'}>
    <HintAndError name={name} error={error} />
    <div className="choice">
      <input type="checkbox" id={name} name={name} value="yes" defaultChecked={checked} aria-describedby={describedBy(name, undefined, error)} />
      <label htmlFor={name}>{label}</label>
    </div>
  </div>
);

/** The districts as rows of code, name and budget, with spare rows to add more without scripts. */
const DistrictRows = ({ values, error, currency }: { values: RoundFormValues; error?: MessageKey; currency: string }) => {
  const { t } = usePortal().i18n;
  const rows = [...values.districts, ...Array.from({ length: SPARE_DISTRICT_ROWS }, () => ({ code: '', name: '', budget: '' }))];
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy('districts', 'hint', error)}>
        <legend>{t('wsRounds.form.districts')}</legend>
        <HintAndError name="districts" hint={t('wsRounds.form.districtsHint')} error={error} />
        {rows.map((row, index) => {
          // The first input carries the group's id, so that the error summary's link lands on it.
          const id = (part: string) => (index === 0 && part === 'code' ? 'districts' : `district-${part}-${index}`);
          const number = index + 1;
          return (
            <div className="district-row" key={index}>
              <div className="field">
                <label htmlFor={id('code')}>{t('wsRounds.form.districtCode', { number })}</label>
                <input id={id('code')} name="districtCode" defaultValue={row.code} />
              </div>
              <div className="field">
                <label htmlFor={id('name')}>{t('wsRounds.form.districtName', { number })}</label>
                <input id={id('name')} name="districtName" defaultValue={row.name} />
              </div>
              <div className="field">
                <label htmlFor={id('budget')}>{t('wsRounds.form.districtBudget', { number, currency })}</label>
                <input id={id('budget')} name="districtBudget" defaultValue={row.budget} inputMode="decimal" />
              </div>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
};

const options = (names: readonly string[], prefix: string, t: (key: MessageKey) => string) => names.map((name) => ({ value: name, label: t(`${prefix}.${name}` as MessageKey) }));

/**
 * Create or change a round: every setting the API takes, checked by its own schema, each refusal beside
 * its field with what was typed kept. "Preview" shows the rules in the words citizens will read before
 * anything is saved.
 */
export const WorkspaceRoundFormPage = ({
  municipality,
  round,
  values,
  errors,
  action,
  preview,
}: {
  municipality: Municipality;
  /** The round being changed; none when creating one. */
  round?: Round;
  values: RoundFormValues;
  errors: FieldErrors;
  action: string;
  /** The checked settings as citizens would read them, after "Preview". */
  preview?: Round;
}) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const currency = municipality.currency;
  const text = (name: keyof RoundFormValues & string, hint?: MessageKey, extra: { inputMode?: 'numeric' | 'decimal' } = {}) => (
    <TextField
      name={name}
      label={t(`wsRounds.form.${name}` as MessageKey, { currency })}
      hint={hint ? t(hint) : undefined}
      value={values[name] as string | undefined}
      error={errors[name]}
      {...extra}
    />
  );
  return (
    <>
      <RoundWorkspaceTrail municipality={municipality} round={round} />
      <ErrorSummary errors={errors} />
      <h1>{t(round ? 'wsRounds.form.editTitle' : 'wsRounds.form.newTitle')}</h1>
      {preview && (
        <section className="notice" aria-labelledby="rules-preview">
          <h2 id="rules-preview">{t('wsRounds.preview.title')}</h2>
          <p>{t('wsRounds.preview.lead')}</p>
          <RoundRules round={preview} municipality={municipality} />
        </section>
      )}
      <form method="post" action={action} noValidate>
        <CsrfField />
        <h2>{t('wsRounds.form.about')}</h2>
        {text('title')}
        {text('fiscalYear', undefined, { inputMode: 'numeric' })}
        <TextArea name="description" label={t('wsRounds.form.description')} value={values.description} error={errors.description} rows={4} />
        {text('totalBudget', 'wsRounds.form.amountHint', { inputMode: 'decimal' })}
        <DistrictRows values={values} error={errors.districts} currency={currency} />
        <SelectField
          name="districtsPerVoter"
          label={t('wsRounds.form.districtsPerVoter')}
          value={values.districtsPerVoter}
          error={errors.districtsPerVoter}
          options={options(DISTRICTS_PER_VOTER, 'wsRounds.districtsPerVoter', t)}
        />

        <h2>{t('wsRounds.form.ballot')}</h2>
        <SelectField name="kind" label={t('wsRounds.form.kind')} value={values.kind} error={errors.kind} options={options(BALLOT_KINDS, 'wsRounds.kind', t)} />
        {text('minProjects', 'wsRounds.form.optionalHint', { inputMode: 'numeric' })}
        {text('maxProjects', 'wsRounds.form.optionalHint', { inputMode: 'numeric' })}
        {text('maxCost', 'wsRounds.form.maxCostHint', { inputMode: 'decimal' })}
        {text('totalPoints', 'wsRounds.form.totalPointsHint', { inputMode: 'numeric' })}
        {text('maxPointsPerProject', 'wsRounds.form.optionalHint', { inputMode: 'numeric' })}
        {text('pointsPerPosition', 'wsRounds.form.pointsPerPositionHint')}

        <h2>{t('wsRounds.form.counting')}</h2>
        <SelectField name="countingRule" label={t('wsRounds.form.countingRule')} value={values.countingRule} error={errors.countingRule} options={options(RULE_NAMES, 'wsRounds.rule', t)} />
        <SelectField name="tieBreaking" label={t('wsRounds.form.tieBreaking')} value={values.tieBreaking} error={errors.tieBreaking} options={options(TIE_BREAKINGS, 'wsRounds.tie', t)} />
        {text('minSupport', 'wsRounds.form.greedyOnlyHint', { inputMode: 'numeric' })}
        <Flag name="stopAtFirstMisfit" label={t('wsRounds.form.stopAtFirstMisfit')} checked={values.stopAtFirstMisfit} error={errors.stopAtFirstMisfit} />
        {text('reserveGender', 'wsRounds.form.shareHint', { inputMode: 'decimal' })}
        {text('reserveYouth', 'wsRounds.form.shareHint', { inputMode: 'decimal' })}

        <h2>{t('wsRounds.form.eligibility')}</h2>
        <Flag name="residentsOnly" label={t('wsRounds.form.residentsOnly', { municipality: municipality.name })} checked={values.residentsOnly} error={errors.residentsOnly} />
        {text('minAge', 'wsRounds.form.optionalHint', { inputMode: 'numeric' })}
        {text('maxAge', 'wsRounds.form.optionalHint', { inputMode: 'numeric' })}
        {text('ageOnDate', 'wsRounds.form.ageOnDateHint')}
        <Flag name="verifiedParticipantsOnly" label={t('wsRounds.form.verifiedParticipantsOnly')} checked={values.verifiedParticipantsOnly} error={errors.verifiedParticipantsOnly} />
        <Flag name="showRunningTotals" label={t('wsRounds.form.showRunningTotals')} checked={values.showRunningTotals} error={errors.showRunningTotals} />

        {/* Dates as text (GOV.UK's advice): a date picker's parts are hard to reach and read with a keyboard or a screen reader. */}
        <h2>{t('wsRounds.form.schedule')}</h2>
        {text('proposalsOpen', 'wsRounds.form.dateHint')}
        {text('proposalsClose', 'wsRounds.form.dateHint')}
        {text('votingOpen', 'wsRounds.form.dateHint')}
        {text('votingClose', 'wsRounds.form.dateHint')}

        <p className="button-row">
          <button type="submit" name="intent" value="save" className="button">
            {t(round ? 'wsRounds.form.save' : 'wsRounds.form.create')}
          </button>{' '}
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            {t('wsRounds.form.preview')}
          </button>
        </p>
      </form>
    </>
  );
};
