import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';

export interface SignInValues {
  identifier?: string;
  returnTo?: string;
}

/** Sign in with the e-mail address or username of a users-permissions account. */
export const SignInPage = ({ values, errors, throttled }: { values: SignInValues; errors: FieldErrors; throttled?: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('signIn.title')}</h1>
      {throttled && (
        <p className="notice" role="alert">
          {t('signIn.throttled')}
        </p>
      )}
      <form method="post" action={href('/sign-in')} noValidate>
        <CsrfField />
        <input type="hidden" name="returnTo" value={values.returnTo ?? '/'} />
        <TextField name="identifier" label={t('signIn.identifier')} value={values.identifier} error={errors.identifier} autoComplete="username" />
        <TextField name="password" label={t('signIn.password')} type="password" error={errors.password} autoComplete="current-password" />
        <p>
          <a href={href('/forgot-password')}>{t('signIn.forgotPassword')}</a>
        </p>
        <button type="submit" className="button">
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        {t('signIn.noAccount')} <a href={href('/register')}>{t('signIn.registerLink')}</a>
      </p>
    </>
  );
};
