import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';

export interface RegisterValues {
  username?: string;
  email?: string;
}

/** Create a citizen account: a username others see, an e-mail address, a password. */
export const RegisterPage = ({ values, errors, closed }: { values: RegisterValues; errors: FieldErrors; closed?: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  if (closed) {
    return (
      <>
        <h1>{t('register.title')}</h1>
        <p>{t('register.closed')}</p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('register.title')}</h1>
      <form method="post" action={href('/register')} noValidate>
        <CsrfField />
        <TextField name="username" label={t('register.username')} hint={t('register.usernameHint')} value={values.username} error={errors.username} autoComplete="username" />
        <TextField name="email" label={t('register.email')} type="email" value={values.email} error={errors.email} autoComplete="email" />
        <TextField name="password" label={t('register.password')} hint={t('register.passwordHint')} type="password" error={errors.password} autoComplete="new-password" />
        <button type="submit" className="button">
          {t('register.submit')}
        </button>
      </form>
      <p>
        {t('register.haveAccount')} <a href={href('/sign-in')}>{t('register.signInLink')}</a>
      </p>
    </>
  );
};
