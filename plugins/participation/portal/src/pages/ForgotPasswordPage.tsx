import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';

/**
 * Asks for the account's e-mail address and, once sent, says the same thing whether or not an account
 * uses it: the page must not tell who has an account.
 */
export const ForgotPasswordPage = ({ email, errors, sent, throttled }: { email?: string; errors: FieldErrors; sent?: boolean; throttled?: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  if (sent) {
    return (
      <>
        <h1>{t('forgotPassword.sentTitle')}</h1>
        <p>{t('forgotPassword.sent')}</p>
        <p>{t('forgotPassword.sentHelp')}</p>
        <p>
          <a href={href('/sign-in')}>{t('forgotPassword.backToSignIn')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('forgotPassword.title')}</h1>
      {throttled && (
        <p className="notice" role="alert">
          {t('forgotPassword.throttled')}
        </p>
      )}
      <p>{t('forgotPassword.lead')}</p>
      <form method="post" action={href('/forgot-password')} noValidate>
        <CsrfField />
        <TextField name="email" label={t('register.email')} type="email" value={email} error={errors.email} autoComplete="email" />
        <button type="submit" className="button">
          {t('forgotPassword.submit')}
        </button>
      </form>
    </>
  );
};
