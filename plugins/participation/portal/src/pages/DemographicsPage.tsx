import { DIMENSIONS, type DemographicDeclaration } from '../../../server/src/domain/statistics/demographics';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Choices } from '../components/Choices';
import { BackToAccount } from '../components/BackToAccount';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';

/** The answers a person may give: the statistics' categories without "not stated" (no answer is that). */
const answersOf = <Category extends string>(categories: readonly Category[]) => categories.filter((category) => category !== 'not-stated') as Array<Exclude<Category, 'not-stated'>>;
export const GENDERS = answersOf(DIMENSIONS.gender);
export const AGE_BANDS = answersOf(DIMENSIONS.ageBand);
export const MINORITY_GROUPS = answersOf(DIMENSIONS.minorityGroup);

/** The Washington Group Short Set: six questions, four answers each (domain/statistics/demographics.ts). */
type DifficultyAnswers = Exclude<NonNullable<DemographicDeclaration['washingtonGroup']>, 'prefer-not-to-say'>;
export const DIFFICULTY_DOMAINS = ['seeing', 'hearing', 'walking', 'remembering', 'selfCare', 'communicating'] as const satisfies ReadonlyArray<keyof DifficultyAnswers>;
export const DIFFICULTIES = ['no-difficulty', 'some-difficulty', 'a-lot-of-difficulty', 'cannot-do-at-all'] as const satisfies ReadonlyArray<DifficultyAnswers['seeing']>;

/** The form as typed: each field one string, `wg-<domain>` for the six questions. */
export type DemographicsFormValues = Partial<Record<string, string>>;

/** What the person declared, in words, for them alone. */
const Declared = ({ declaration, consentGivenAt }: { declaration: DemographicDeclaration; consentGivenAt: string }) => {
  const { i18n, href } = usePortal();
  const { t, date } = i18n;
  const notAnswered = t('demographics.notAnswered');
  const difficulties = declaration.washingtonGroup;
  const rows: Array<[string, string]> = [
    [t('demographics.gender'), declaration.gender ? t(`demographics.gender.${declaration.gender}` as MessageKey) : notAnswered],
    ...(declaration.genderSelfDescription ? [[t('demographics.genderSelfDescription'), declaration.genderSelfDescription] as [string, string]] : []),
    [
      t('demographics.age'),
      declaration.birthYear !== undefined
        ? t('demographics.bornIn', { year: String(declaration.birthYear) })
        : declaration.ageBand
          ? t(`demographics.ageBand.${declaration.ageBand}` as MessageKey)
          : notAnswered,
    ],
    ...DIFFICULTY_DOMAINS.map((domain): [string, string] => [
      t(`demographics.domain.${domain}` as MessageKey),
      difficulties === undefined ? notAnswered : difficulties === 'prefer-not-to-say' ? t('demographics.preferNotToSay') : t(`demographics.difficulty.${difficulties[domain]}` as MessageKey),
    ]),
    [t('demographics.minorityGroup'), declaration.minorityGroup ? t(`demographics.minority.${declaration.minorityGroup}` as MessageKey) : notAnswered],
  ];
  return (
    <section aria-labelledby="declared-title">
      <h2 id="declared-title">{t('demographics.declaredTitle')}</h2>
      <p>{t('demographics.declaredOn', { date: date(consentGivenAt) })}</p>
      <dl className="declared-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href={href('/account/demographics/withdraw')} className="button button--warning">
          {t('demographics.withdraw')}
        </a>
      </p>
    </section>
  );
};

/**
 * Optional, self-declared demographics with the consent text: what is kept, who sees it (the person
 * alone), what statistics get (categories in groups large enough to hide anyone). Withdrawing erases it.
 */
export const DemographicsPage = ({
  declared,
  values,
  errors,
  minimumGroup,
  notice,
}: {
  declared: { declaration: DemographicDeclaration; consentGivenAt: string } | null;
  values: DemographicsFormValues;
  errors: FieldErrors;
  minimumGroup: number;
  notice?: 'saved' | 'withdrawn';
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const noAnswer = { value: '', label: t('demographics.noAnswer') };
  const optionsOf = (prefix: string, values: readonly string[]) => [noAnswer, ...values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }))];
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('demographics.title')}</h1>
      {notice && (
        <p className="notice notice--success" role="status">
          {t(notice === 'saved' ? 'demographics.saved' : 'demographics.withdrawn')}
        </p>
      )}
      <p>{t('demographics.lead')}</p>
      {declared ? <Declared {...declared} /> : <p>{t('demographics.nothingDeclared')}</p>}
      <h2>{t(declared ? 'demographics.changeTitle' : 'demographics.declareTitle')}</h2>
      <form method="post" action={href('/account/demographics')} noValidate>
        <CsrfField />
        <SelectField name="gender" label={t('demographics.gender')} value={values.gender} error={errors.gender} options={optionsOf('demographics.gender', GENDERS)} />
        <TextField
          name="genderSelfDescription"
          label={t('demographics.genderSelfDescription')}
          hint={t('demographics.genderSelfDescriptionHint')}
          value={values.genderSelfDescription}
          error={errors.genderSelfDescription}
        />
        <fieldset className="field-group">
          <legend>{t('demographics.age')}</legend>
          <p className="hint">{t('demographics.ageHint')}</p>
          <TextField name="birthYear" label={t('demographics.birthYear')} value={values.birthYear} error={errors.birthYear} inputMode="numeric" />
          <SelectField name="ageBand" label={t('demographics.ageBandLabel')} value={values.ageBand} error={errors.ageBand} options={optionsOf('demographics.ageBand', AGE_BANDS)} />
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('demographics.difficulties')}</legend>
          <p className="hint">{t('demographics.difficultiesHint')}</p>
          {DIFFICULTY_DOMAINS.map((domain) => (
            <SelectField
              key={domain}
              name={`wg-${domain}`}
              label={t(`demographics.domain.${domain}` as MessageKey)}
              value={values[`wg-${domain}`]}
              error={errors[`wg-${domain}`]}
              options={optionsOf('demographics.difficulty', DIFFICULTIES)}
            />
          ))}
          <Choices
            name="washingtonGroupPreferNotToSay"
            legend={t('demographics.difficultiesPreferNot')}
            type="checkbox"
            error={errors.washingtonGroupPreferNotToSay}
            options={[{ value: 'yes', label: t('demographics.preferNotToSay') }]}
            checked={values.washingtonGroupPreferNotToSay ? ['yes'] : []}
          />
        </fieldset>
        <SelectField name="minorityGroup" label={t('demographics.minorityGroup')} value={values.minorityGroup} error={errors.minorityGroup} options={optionsOf('demographics.minority', MINORITY_GROUPS)} />
        <section aria-labelledby="consent-title" className="consent">
          <h3 id="consent-title">{t('demographics.consentTextTitle')}</h3>
          <p>{t('demographics.consentKept')}</p>
          <p>{t('demographics.consentSeen', { minimum: minimumGroup })}</p>
          <p>{t('demographics.consentWithdraw')}</p>
        </section>
        <Choices
          name="consent"
          legend={t('demographics.consentTitle')}
          type="checkbox"
          error={errors.consent}
          options={[{ value: 'yes', label: t('demographics.consentAgree') }]}
          checked={[]}
        />
        <button type="submit" className="button">
          {t('demographics.submit')}
        </button>
      </form>
      <BackToAccount />
    </>
  );
};
