import type { DemographicDeclaration } from '../../../server/src/domain/statistics/demographics';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Choices } from '../components/Choices';
import { BackToAccount } from '../components/BackToAccount';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { DemographicAnswerFields, DIFFICULTY_DOMAINS, type DemographicsFormValues } from '../components/DemographicAnswerFields';

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
        <DemographicAnswerFields values={values} errors={errors} />
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
