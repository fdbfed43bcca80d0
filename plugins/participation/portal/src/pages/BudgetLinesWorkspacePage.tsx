import type { ListBudgetLines } from '../../../shared/contracts/budget-lines';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { DoneNotice } from '../components/DoneNotice';
import { Pagination } from '../components/Pagination';
import { SelectField } from '../components/SelectField';
import { TableRegion } from '../components/TableRegion';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';

export const BUDGET_LINE_NOTICES = ['created', 'saved', 'deleted', 'imported'] as const;
export type BudgetLineNotice = (typeof BUDGET_LINE_NOTICES)[number];

const AMOUNTS = ['approved', 'revised', 'committed', 'spent'] as const;

/** One fiscal year's budget lines of a municipality, for staff to add to, change, delete or import into. */
export const BudgetLinesWorkspacePage = ({
  municipality,
  years,
  fiscalYear,
  lines,
  done,
}: {
  municipality: WorkspaceMunicipality & { currency: string };
  years: readonly number[];
  fiscalYear: number;
  lines: ListBudgetLines.Response;
  done?: BudgetLineNotice;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/budget-lines`;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const { page, pageCount } = lines.meta.pagination;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsBudget.title')}</h1>
      <DoneNotice message={done ? (`wsBudget.done.${done}` as MessageKey) : null} />
      <ul className="button-group inline-list">
        <li>
          <a className="button" href={href(`${base}/new?year=${fiscalYear}`)}>
            {t('wsBudget.add')}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={href(`${base}/import`)}>
            {t('wsBudget.import')}
          </a>
        </li>
      </ul>
      {years.length > 1 && (
        <form method="get" action={href(base)} className="filters" aria-label={t('wsBudget.yearFilter')}>
          <SelectField name="year" label={t('wsBudget.field.fiscalYear')} value={String(fiscalYear)} options={years.map((year) => ({ value: String(year), label: String(year) }))} />
          <button type="submit" className="button button--secondary">
            {t('wsBudget.show')}
          </button>
        </form>
      )}
      {lines.data.length === 0 ? (
        <p>{t('wsBudget.noLines', { year: fiscalYear })}</p>
      ) : (
        <TableRegion caption={t('wsBudget.caption', { year: fiscalYear, count: lines.meta.pagination.total })}>
          <thead>
            <tr>
              <th scope="col">{t('wsBudget.field.code')}</th>
              <th scope="col">{t('wsBudget.field.name')}</th>
              {AMOUNTS.map((amount) => (
                <th scope="col" key={amount}>
                  {t(`budget.${amount}`)}
                </th>
              ))}
              <th scope="col">{t('wsBudget.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.data.map((line) => (
              <tr key={line.documentId}>
                <th scope="row">{line.code}</th>
                <td>{line.name}</td>
                {AMOUNTS.map((amount) => (
                  <td key={amount}>{money(line.amounts[amount])}</td>
                ))}
                <td>
                  <ul className="inline-list">
                    <li>
                      <a href={href(`${base}/${line.documentId}/edit`)}>
                        {t('wsBudget.edit')}
                        <span className="visually-hidden"> {line.code}</span>
                      </a>
                    </li>
                    <li>
                      <a href={href(`${base}/${line.documentId}/delete`)}>
                        {t('wsBudget.delete')}
                        <span className="visually-hidden"> {line.code}</span>
                      </a>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('wsBudget.totals')}
              </th>
              {AMOUNTS.map((amount) => (
                <td key={amount}>{money(lines.meta.totals[amount])}</td>
              ))}
              <td />
            </tr>
          </tfoot>
        </TableRegion>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(to) => href(`${base}?year=${fiscalYear}&page=${to}`)} />
    </>
  );
};
