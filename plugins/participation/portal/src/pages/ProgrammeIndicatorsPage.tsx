import type { Municipality } from '../../../shared/contracts/municipalities';
import type { ProgrammeIndicators } from '../../../shared/contracts/reports';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { OpenDataLinks } from '../components/OpenDataLinks';
import { ProgrammeFigures } from '../components/ProgrammeFigures';
import { TextField } from '../components/TextField';
import { usePortal } from '../components/portal-context';

/** The form's fields as sent, shown back as they were typed. */
export interface ProgrammeFormValues {
  municipalities: string;
  fromYear: string;
  toYear: string;
}

/**
 * A programme's figure sheet: a GET form for the municipalities (codes separated by commas) and the
 * fiscal years, then the reports service's indicators with the CSV and JSON behind them. `sheet` is
 * null until the form is sent, or when it was refused (`errors` beside the fields, values kept).
 */
export const ProgrammeIndicatorsPage = ({
  municipalities,
  values,
  errors,
  sheet,
  apiBase,
}: {
  municipalities: Municipality[];
  values: ProgrammeFormValues;
  errors: FieldErrors;
  sheet: ProgrammeIndicators | null;
  apiBase: string;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const query = sheet ? `municipalities=${encodeURIComponent(sheet.municipalityCodes.join(','))}&fromYear=${sheet.fromYear}&toYear=${sheet.toYear}` : '';
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('programme.title')}</h1>
      <p>{t('programme.intro')}</p>
      <form method="get" action={href('/programme-indicators')} aria-label={t('programme.form')}>
        <TextField
          name="municipalities"
          label={t('programme.municipalities')}
          hint={t('programme.municipalitiesHint', { codes: municipalities.map((municipality) => `${municipality.code} (${municipality.name})`).join(', ') })}
          value={values.municipalities}
          error={errors.municipalities}
          required
        />
        <TextField name="fromYear" label={t('programme.fromYear')} value={values.fromYear} error={errors.fromYear} inputMode="numeric" required />
        <TextField name="toYear" label={t('programme.toYear')} value={values.toYear} error={errors.toYear} inputMode="numeric" required />
        <button type="submit" className="button">
          {t('programme.show')}
        </button>
      </form>
      {sheet && (
        <>
          <h2>{t('programme.figures', { from: String(sheet.fromYear), to: String(sheet.toYear) })}</h2>
          <ProgrammeFigures sheet={sheet} caption={t('programme.caption', { municipalities: sheet.municipalityCodes.join(', ') })} perMunicipality />
          <OpenDataLinks
            id="programme-files"
            links={[
              { label: t('openData.programmeIndicators'), href: `${apiBase}/programme-indicators.csv?${query}`, format: 'CSV' },
              { label: t('openData.programmeIndicators'), href: `${apiBase}/programme-indicators?${query}`, format: 'JSON' },
            ]}
          />
        </>
      )}
    </>
  );
};
