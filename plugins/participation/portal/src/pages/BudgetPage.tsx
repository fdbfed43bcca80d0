import Decimal from 'decimal.js';
import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../../server/src/domain/budget-lines/markers';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { ShareChart } from '../components/ShareChart';
import { ParticipatoryFunding } from '../components/ParticipatoryFunding';
import type { ParticipatorySpending } from '../../../shared/contracts/decisions';
import { TableRegion } from '../components/TableRegion';

type Totals = { approved: string; revised: string; committed: string; spent: string };
const AMOUNTS = ['approved', 'revised', 'committed', 'spent'] as const;

const sumBy = <Marker extends string>(lines: BudgetLine[], markers: readonly Marker[], markerOf: (line: BudgetLine) => Marker) =>
  markers.map((marker) => ({
    marker,
    amount: lines
      .filter((line) => markerOf(line) === marker)
      .reduce((sum, line) => sum.plus(line.amounts.approved), new Decimal(0))
      .toFixed(2),
  }));

/**
 * A municipality's budget for one year: every line with its four amounts and markers, then the money by
 * SDG 5.c.1 gender marker and by youth marker, as shares of the approved budget.
 */
export const BudgetPage = ({
  municipality,
  year,
  lines,
  totals,
  years,
  participatorySpending,
}: {
  municipality: Municipality;
  year: number;
  lines: BudgetLine[];
  totals: Totals;
  years: number[];
  participatorySpending: ParticipatorySpending[];
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const gender = sumBy(lines, GENDER_MARKERS, (line) => line.genderMarker);
  const youth = sumBy(lines, YOUTH_MARKERS, (line) => line.youthMarker);
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
          <h2>{t('budget.byMarker')}</h2>
          <ShareChart caption={t('budget.byGenderMarker')} currency={municipality.currency} shares={gender.map(({ marker, amount }) => ({ label: t(`marker.gender.${marker}` as MessageKey), amount }))} />
          <ShareChart caption={t('budget.byYouthMarker')} currency={municipality.currency} shares={youth.map(({ marker, amount }) => ({ label: t(`marker.youth.${marker}` as MessageKey), amount }))} />
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
                    <span className="code">{line.code}</span> {line.name}
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
          <ParticipatoryFunding spending={participatorySpending} lineNames={new Map(lines.map((line) => [line.documentId, line.name]))} currency={municipality.currency} />
        </>
      )}
    </>
  );
};
