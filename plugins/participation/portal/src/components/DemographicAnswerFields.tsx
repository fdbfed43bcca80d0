import { DIMENSIONS, type DemographicDeclaration } from '../../../server/src/domain/statistics/demographics';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import { Choices } from './Choices';
import type { FieldErrors } from './ErrorSummary';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

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

/**
 * The questions of a self-declared demographics form, every one optional: gender, age, the six
 * difficulty questions and minority group. The form around them asks for the consent.
 */
export const DemographicAnswerFields = ({ values, errors }: { values: DemographicsFormValues; errors: FieldErrors }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const noAnswer = { value: '', label: t('demographics.noAnswer') };
  const optionsOf = (prefix: string, answers: readonly string[]) => [noAnswer, ...answers.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }))];
  return (
    <>
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
    </>
  );
};
