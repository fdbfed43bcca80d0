import type { ReactNode } from 'react';
import { LANGUAGE_NAMES, PORTAL_LANGUAGES } from '../i18n/languages';
import { usePortal } from './portal-context';
import { CsrfField } from './CsrfField';
import { hasWorkspace } from '../workspace/workspace-tools';

/**
 * Every page: skip link, header with the account, the language switch, one main landmark, footer.
 * `scripts` (hashed asset addresses) enhance a page that works without them, so they are deferred.
 */
export const Layout = ({ title, scripts = [], children }: { title: string; scripts?: string[]; children: ReactNode }) => {
  const { i18n, lang, href, pagePath, user, actor, stylesheet } = usePortal();
  const { t } = i18n;
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('site.name')}`}</title>
        <link rel="stylesheet" href={stylesheet} />
        {scripts.map((script) => (
          <script key={script} src={script} defer />
        ))}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header className="site-header">
          <div className="wrap site-header__inner">
            <a className="site-name" href={href('/')}>
              {t('site.name')}
            </a>
            <nav aria-label={t('layout.accountNavigation')} className="account-nav">
              {user ? (
                <form method="post" action={href('/sign-out')} className="inline-form">
                  <span className="account-nav__name">{t('layout.signedInAs', { name: user.username })}</span>
                  <a href={href('/account')}>{t('layout.account')}</a>
                  {hasWorkspace(actor) && <a href={href('/workspace')}>{t('layout.workspace')}</a>}
                  <CsrfField />
                  <button type="submit" className="link-button">
                    {t('layout.signOut')}
                  </button>
                </form>
              ) : (
                <ul className="inline-list">
                  <li>
                    <a href={href(`/sign-in?returnTo=${encodeURIComponent(pagePath)}`)}>{t('layout.signIn')}</a>
                  </li>
                  <li>
                    <a href={href('/register')}>{t('layout.register')}</a>
                  </li>
                </ul>
              )}
            </nav>
          </div>
        </header>
        <nav aria-label={t('layout.languageNavigation')} className="languages">
          <ul className="wrap inline-list">
            {PORTAL_LANGUAGES.map((language) => (
              <li key={language}>
                <a href={href(pagePath, language)} lang={language} hrefLang={language} aria-current={language === lang ? 'true' : undefined}>
                  {LANGUAGE_NAMES[language]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t('layout.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
};
