import type { ImportBudgetLines } from '../../../shared/contracts/budget-lines';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { FileField } from '../components/FileField';
import { SelectField } from '../components/SelectField';
import { TableRegion } from '../components/TableRegion';
import { TextArea } from '../components/TextArea';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';
import { importProblemMessage } from '../workspace/import-problems';

export interface BudgetImportFormValues {
  csv: string;
  decimalSeparator: string;
}

/**
 * The CSV import's first step: a file or the CSV pasted in, checked by a dry run that writes nothing.
 * Back with `problems` when the dry run found any: each by line and column, the CSV kept in the
 * textarea to fix in place. `conflict`: another import changed the lines while this one was applied.
 */
export const BudgetImportFormPage = ({
  municipality,
  values,
  errors,
  problems,
  conflict,
}: {
  municipality: WorkspaceMunicipality;
  values: BudgetImportFormValues;
  errors: FieldErrors;
  problems: readonly ImportBudgetLines.Problem[];
  conflict: boolean;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsBudget.title'), path: '/budget-lines' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsBudget.importTitle')}</h1>
      {conflict && (
        <div className="notice notice--warning" role="alert">
          <p>{t('wsBudget.importConflict')}</p>
        </div>
      )}
      {problems.length > 0 && (
        <TableRegion caption={t('wsBudget.problemsCaption', { count: problems.length })}>
          <thead>
            <tr>
              <th scope="col">{t('wsBudget.csvLine')}</th>
              <th scope="col">{t('wsBudget.csvColumn')}</th>
              <th scope="col">{t('wsBudget.csvProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={index}>
                <th scope="row">{problem.line}</th>
                <td>{problem.field}</td>
                <td>{t(importProblemMessage(problem))}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <p>{t('wsBudget.importHelp')}</p>
      <form method="post" action={href(`/workspace/${municipality.code}/budget-lines/import`)} encType="multipart/form-data" noValidate>
        <CsrfField />
        <FileField name="file" label={t('wsBudget.fileLabel')} hint={t('wsBudget.fileHint')} error={errors.file} accept=".csv,text/csv,text/plain" />
        <TextArea name="csv" label={t('wsBudget.csvLabel')} hint={t('wsBudget.csvHint')} value={values.csv} error={errors.csv} rows={10} />
        <SelectField
          name="decimalSeparator"
          label={t('wsBudget.decimalSeparatorLabel')}
          value={values.decimalSeparator}
          error={errors.decimalSeparator}
          options={[
            { value: '', label: t('wsBudget.decimalSeparator.auto') },
            { value: '.', label: t('wsBudget.decimalSeparator.point') },
            { value: ',', label: t('wsBudget.decimalSeparator.comma') },
          ]}
        />
        <button type="submit" className="button">
          {t('wsBudget.dryRun')}
        </button>
      </form>
    </>
  );
};
