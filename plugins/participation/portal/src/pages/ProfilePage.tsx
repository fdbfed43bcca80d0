import { usePortal } from '../components/portal-context';
import { BackToAccount } from '../components/BackToAccount';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';

export interface ProfileValues {
  residenceMunicipalityCode?: string;
  birthDate?: string;
}

/**
 * Where the person lives and when they were born: what a round's eligibility rules read (youth rounds,
 * residents only). Declared by the person, seen by them alone.
 */
export const ProfilePage = ({
  municipalities,
  values,
  errors,
  verifiedIn,
  saved,
}: {
  municipalities: Array<{ code: string; name: string }>;
  values: ProfileValues;
  errors: FieldErrors;
  verifiedIn: string[];
  saved?: boolean;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const names = new Map(municipalities.map(({ code, name }) => [code, name]));
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('profile.title')}</h1>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('profile.saved')}
        </p>
      )}
      <p>{t('profile.lead')}</p>
      {verifiedIn.length > 0 && <p>{t('profile.verifiedIn', { municipalities: verifiedIn.map((code) => names.get(code) ?? code).join(', ') })}</p>}
      <form method="post" action={href('/account/profile')} noValidate>
        <CsrfField />
        <SelectField
          name="residenceMunicipalityCode"
          label={t('profile.residence')}
          hint={t('profile.residenceHint')}
          value={values.residenceMunicipalityCode}
          error={errors.residenceMunicipalityCode}
          options={[{ value: '', label: t('profile.notDeclared') }, ...municipalities.map(({ code, name }) => ({ value: code, label: name }))]}
        />
        <TextField name="birthDate" label={t('profile.birthDate')} hint={t('profile.birthDateHint')} type="date" value={values.birthDate} error={errors.birthDate} autoComplete="bday" />
        <button type="submit" className="button">
          {t('profile.submit')}
        </button>
      </form>
      <BackToAccount />
    </>
  );
};
