import type { DistrictResult } from '../../../../shared/contracts/rounds';
import { usePortal } from '../portal-context';
import type { PortalLanguage } from '../../i18n/languages';
import { UserText } from '../UserText';

export interface ResultRow {
  id: string;
  title: string;
  language: PortalLanguage;
  cost: string;
  explanation: string;
}

/**
 * Projects of one district with their votes, cost and why they were (not) funded. A wide table: it
 * scrolls inside a focusable region named by its caption, so the page itself reflows at 320 px.
 */
export const ProjectTable = ({ id, caption, rows, support, currency }: { id: string; caption: string; rows: ResultRow[]; support: DistrictResult['support']; currency: string }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="table results-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.column.project')}</th>
            <th scope="col" className="numeric">
              {t('results.column.votes')}
            </th>
            <th scope="col" className="numeric">
              {t('results.column.cost')}
            </th>
            <th scope="col">{t('results.column.why')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { votes = 0, points } = support[row.id] ?? {};
            return (
              <tr key={row.id}>
                <th scope="row">
                  <a href={href(`/proposals/${row.id}`)}>
                    <UserText language={row.language}>{row.title}</UserText>
                  </a>
                </th>
                <td className="numeric">
                  {i18n.number(votes)}
                  {points !== undefined && <span className="results-table__points">{t('results.points', { points })}</span>}
                </td>
                <td className="numeric">{i18n.money(row.cost, currency)}</td>
                <td>{row.explanation}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
