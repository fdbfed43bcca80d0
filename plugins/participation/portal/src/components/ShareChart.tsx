import { usePortal } from './portal-context';
import { TableRegion } from './TableRegion';

export interface Share {
  label: string;
  amount: string;
  /** The percent the report computed ("74.99"), or null when the whole is nothing. */
  percent: string | null;
}

/**
 * Shares of a total as a table whose last column draws each share as a bar in SVG, on the server (no
 * script). The figures are the content; the bars, hidden from screen readers, repeat them by length,
 * next to the percentage as text, never by colour alone. The percents come from the report: the page
 * draws them and computes none.
 */
export const ShareChart = ({ caption, shares, currency }: { caption: string; shares: Share[]; currency: string }) => {
  const { i18n } = usePortal();
  return (
    <TableRegion caption={caption} className="share-chart">
      <thead>
        <tr>
          <th scope="col">{i18n.t('budget.marker')}</th>
          <th scope="col" className="numeric">
            {i18n.t('budget.amount')}
          </th>
          <th scope="col" className="numeric">
            {i18n.t('budget.share')}
          </th>
          <td className="share-chart__bar-cell" />
        </tr>
      </thead>
      <tbody>
        {shares.map((share) => {
          const fraction = share.percent === null ? 0 : Number(share.percent) / 100;
          return (
            <tr key={share.label}>
              <th scope="row">{share.label}</th>
              <td className="numeric">{i18n.money(share.amount, currency)}</td>
              <td className="numeric">{share.percent === null ? i18n.t('budget.noShare') : i18n.percent(fraction)}</td>
              <td className="share-chart__bar-cell">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" className="share-chart__bar">
                  <rect x="0" y="0" width="100" height="10" className="share-chart__track" />
                  <rect x="0" y="0" width={(fraction * 100).toFixed(2)} height="10" className="share-chart__fill" />
                </svg>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableRegion>
  );
};
