import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import { usePortal } from '../components/portal-context';
import { ConfirmForm } from '../components/ConfirmForm';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';

/**
 * Check before deleting a budget line: what it is and that deleting cannot be undone. `refused`: the
 * delete was tried and refused because proposals or decisions refer to the line.
 */
export const BudgetLineDeletePage = ({ municipality, line, refused }: { municipality: WorkspaceMunicipality & { currency: string }; line: BudgetLine; refused: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const back = href(`/workspace/${municipality.code}/budget-lines?year=${line.fiscalYear}`);
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsBudget.title'), path: '/budget-lines' }]} />
      <h1>{t('wsBudget.deleteTitle', { code: line.code })}</h1>
      {refused ? (
        <>
          <div className="notice notice--warning" role="alert">
            <p>{t('wsBudget.deleteRefused')}</p>
          </div>
          <p>
            <a href={back}>{t('wsBudget.backToList')}</a>
          </p>
        </>
      ) : (
        <ConfirmForm
          rows={[
            { label: t('wsBudget.field.fiscalYear'), value: line.fiscalYear },
            { label: t('wsBudget.field.code'), value: line.code },
            { label: t('wsBudget.field.name'), value: line.name },
            { label: t('budget.approved'), value: i18n.money(line.amounts.approved, municipality.currency) },
          ]}
          action={href(`/workspace/${municipality.code}/budget-lines/${line.documentId}/delete`)}
          submitLabel={t('wsBudget.deleteConfirm')}
          backHref={back}
          backLabel={t('wsBudget.keep')}
          warning={t('wsBudget.deleteWarning')}
        />
      )}
    </>
  );
};
