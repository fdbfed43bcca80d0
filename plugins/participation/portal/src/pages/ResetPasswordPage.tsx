import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';

export type ResetPasswordState = 'form' | 'invalid' | 'done';

/** The page the mailed link opens: a new password, a link that no longer works, or the password changed. */
export const ResetPasswordPage = ({ state, code, errors, throttled }: { state: ResetPasswordState; code?: string; errors: FieldErrors; throttled?: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  if (state === 'invalid') {
    return (
      <>
        <h1>{t('resetPassword.invalidTitle')}</h1>
        <p>{t('resetPassword.invalid')}</p>
        <p>
          <a href={href('/forgot-password')}>{t('resetPassword.askAgain')}</a>
        </p>
      </>
    );
  }
  if (state === 'done') {
    return (
      <>
        <h1>{t('resetPassword.doneTitle')}</h1>
        <p>{t('resetPassword.done')}</p>
        <p>
          <a href={href('/sign-in')}>{t('layout.signIn')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('resetPassword.title')}</h1>
      {throttled && (
        <p className="notice" role="alert">
          {t('forgotPassword.throttled')}
        </p>
      )}
      <p>{t('resetPassword.lead')}</p>
      <form method="post" action={href('/reset-password')} noValidate>
        <CsrfField />
        <input type="hidden" name="code" value={code ?? ''} />
        <TextField name="password" label={t('resetPassword.password')} hint={t('register.passwordHint')} type="password" error={errors.password} autoComplete="new-password" />
        <TextField name="passwordConfirmation" label={t('resetPassword.passwordConfirmation')} type="password" error={errors.passwordConfirmation} autoComplete="new-password" />
        <button type="submit" className="button">
          {t('resetPassword.submit')}
        </button>
      </form>
    </>
  );
};
