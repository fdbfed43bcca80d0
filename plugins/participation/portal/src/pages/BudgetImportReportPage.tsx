import type { ImportBudgetLines } from '../../../shared/contracts/budget-lines';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { ConfirmForm } from '../components/ConfirmForm';
import { TableRegion } from '../components/TableRegion';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';
import { BUDGET_LINE_FIELD_LABELS } from '../workspace/budget-line-form';
import { changedField } from '../workspace/import-problems';

type Change = ImportBudgetLines.Report['changes'][number];
type Value = string | string[] | null;

/** A value as staff read it: amounts in the municipality's currency, markers in words, SDG targets listed. */
const useShownValue = (currency: string) => {
  const { i18n } = usePortal();
  return (field: string, value: Value) => {
    if (value === null || (Array.isArray(value) && value.length === 0) || value === '') return i18n.t('wsBudget.emptyValue');
    if (Array.isArray(value)) return value.join(', ');
    if (field.endsWith('Minor')) return i18n.money(value, currency);
    if (field === 'genderMarker') return i18n.t(`marker.gender.${value}` as MessageKey);
    if (field === 'youthMarker') return i18n.t(`marker.youth.${value}` as MessageKey);
    return value;
  };
};

/** Every row of one change: a new line in one row, an update in one row per changed field, old beside new. */
const ChangeRows = ({ change, currency }: { change: Change; currency: string }) => {
  const { t } = usePortal().i18n;
  const shown = useShownValue(currency);
  const label = (field: string) => {
    const known = changedField(field);
    return known ? t(BUDGET_LINE_FIELD_LABELS[known]) : field;
  };
  if (change.action === 'create' || !change.diff?.length) {
    return (
      <tr>
        <th scope="row">{change.line}</th>
        <td>{change.code}</td>
        <td>{change.fiscalYear}</td>
        <td colSpan={3}>{t('wsBudget.change.create')}</td>
      </tr>
    );
  }
  return (
    <>
      {change.diff.map((entry, index) => (
        <tr key={entry.field}>
          <th scope="row">{index === 0 ? change.line : <span className="visually-hidden">{change.line}</span>}</th>
          <td>{change.code}</td>
          <td>{change.fiscalYear}</td>
          <td>{label(entry.field)}</td>
          <td>{shown(entry.field, entry.old)}</td>
          <td>{shown(entry.field, entry.new)}</td>
        </tr>
      ))}
    </>
  );
};

/**
 * The dry run's report: how many lines the CSV adds, changes and leaves as they are, and for each
 * change the old and new value of every changed field; then the same CSV applied, or back to the form.
 */
export const BudgetImportReportPage = ({
  municipality,
  report,
  hidden,
}: {
  municipality: WorkspaceMunicipality & { currency: string };
  report: ImportBudgetLines.Report;
  hidden: Record<string, string>;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const nothingToDo = report.created + report.updated === 0;
  const back = href(`/workspace/${municipality.code}/budget-lines/import`);
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsBudget.title'), path: '/budget-lines' }, { label: t('wsBudget.importTitle'), path: '/budget-lines/import' }]} />
      <h1>{t('wsBudget.reportTitle')}</h1>
      <p>{t('wsBudget.reportNothingWritten')}</p>
      {report.changes.length > 0 && (
        <TableRegion caption={t('wsBudget.changesCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('wsBudget.csvLine')}</th>
              <th scope="col">{t('wsBudget.field.code')}</th>
              <th scope="col">{t('wsBudget.field.fiscalYear')}</th>
              <th scope="col">{t('wsBudget.changedField')}</th>
              <th scope="col">{t('wsBudget.oldValue')}</th>
              <th scope="col">{t('wsBudget.newValue')}</th>
            </tr>
          </thead>
          <tbody>
            {report.changes.map((change) => (
              <ChangeRows key={change.line} change={change} currency={municipality.currency} />
            ))}
          </tbody>
        </TableRegion>
      )}
      {nothingToDo ? (
        <>
          <p>{t('wsBudget.nothingToImport', { unchanged: report.unchanged })}</p>
          <p>
            <a href={back}>{t('wsBudget.importAnother')}</a>
          </p>
        </>
      ) : (
        <ConfirmForm
          rows={[
            { label: t('wsBudget.summary.created'), value: i18n.number(report.created) },
            { label: t('wsBudget.summary.updated'), value: i18n.number(report.updated) },
            { label: t('wsBudget.summary.unchanged'), value: i18n.number(report.unchanged) },
          ]}
          action={href(`/workspace/${municipality.code}/budget-lines/import/apply`)}
          hidden={hidden}
          encType="multipart/form-data"
          submitLabel={t('wsBudget.apply')}
          backHref={back}
          backLabel={t('wsBudget.startAgain')}
        />
      )}
    </>
  );
};
