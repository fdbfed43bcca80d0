import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MoneyByMarkerReport } from '../../../shared/contracts/reports';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { MoneyByMarker } from '../components/MoneyByMarker';
import { OpenDataLinks } from '../components/OpenDataLinks';
import { ParticipatoryFunding } from '../components/ParticipatoryFunding';
import type { ParticipatorySpending } from '../../../shared/contracts/decisions';
import { TableRegion } from '../components/TableRegion';
import { UserText } from '../components/UserText';

type Totals = { approved: string; revised: string; committed: string; spent: string };
const AMOUNTS = ['approved', 'revised', 'committed', 'spent'] as const;

/**
 * A municipality's budget for one year: every line with its four amounts and markers, where the money
 * went by SDG 5.c.1 gender marker and by youth marker (the reports service's figures, `report`, null for
 * a year without lines), and the files behind them.
 */
export const BudgetPage = ({
  municipality,
  year,
  lines,
  totals,
  years,
  participatorySpending,
  report,
  apiBase,
}: {
  municipality: Municipality;
  year: number;
  lines: BudgetLine[];
  totals: Totals;
  years: number[];
  participatorySpending: ParticipatorySpending[];
  report: MoneyByMarkerReport | null;
  apiBase: string;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const files = `${apiBase}/municipalities/${municipality.code}`;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}`)}>{municipality.name}</a>
      </p>
      <h1>{t('budget.title', { municipality: municipality.name, year: String(year) })}</h1>
      {years.length > 1 && (
        <nav aria-label={t('budget.otherYears')}>
          <ul className="inline-list">
            {years.map((other) => (
              <li key={other}>
                <a href={href(`/municipalities/${municipality.code}/budget/${other}`)} aria-current={other === year ? 'page' : undefined}>
                  {String(other)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {lines.length === 0 ? (
        <p>{t('budget.noLines')}</p>
      ) : (
        <>
          <dl className="summary-list">
            {AMOUNTS.map((amount) => (
              <div key={amount}>
                <dt>{t(`budget.${amount}` as MessageKey)}</dt>
                <dd>{money(totals[amount])}</dd>
              </div>
            ))}
          </dl>
          {report && <MoneyByMarker report={report} currency={municipality.currency} />}
          {/* The caption is the section's heading too: one name, read in heading and in table navigation. */}
          <TableRegion caption={<h2>{t('budget.lines')}</h2>}>
            <thead>
              <tr>
                <th scope="col">{t('budget.line')}</th>
                {AMOUNTS.map((amount) => (
                  <th scope="col" className="numeric" key={amount}>
                    {t(`budget.${amount}` as MessageKey)}
                  </th>
                ))}
                <th scope="col">{t('budget.genderMarker')}</th>
                <th scope="col">{t('budget.youthMarker')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.documentId}>
                  <th scope="row">
                    <span className="code">{line.code}</span> <UserText language={municipality.contentLanguage}>{line.name}</UserText>
                  </th>
                  {AMOUNTS.map((amount) => (
                    <td className="numeric" key={amount}>
                      {money(line.amounts[amount])}
                    </td>
                  ))}
                  <td>{t(`marker.gender.${line.genderMarker}` as MessageKey)}</td>
                  <td>{t(`marker.youth.${line.youthMarker}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
          <ParticipatoryFunding spending={participatorySpending} lineNames={new Map(lines.map((line) => [line.documentId, line.name]))} municipality={municipality} />
          <OpenDataLinks
            id="budget-files"
            links={[
              { label: t('openData.moneyByMarker', { year: String(year) }), href: `${files}/money-by-marker.csv?fiscalYear=${year}`, format: 'CSV' },
              { label: t('openData.moneyByMarker', { year: String(year) }), href: `${files}/money-by-marker?fiscalYear=${year}`, format: 'JSON' },
              { label: t('openData.budgetLines'), href: `${files}/open-data/budget-lines.csv`, format: 'CSV' },
              { label: t('openData.budgetLines'), href: `${files}/open-data/budget-lines.json`, format: 'JSON' },
            ]}
          />
        </>
      )}
    </>
  );
};
