import type { MoneyByMarkerReport } from '../../../shared/contracts/reports';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import { ShareChart } from './ShareChart';
import { TableRegion } from './TableRegion';

type MarkerGroup = MoneyByMarkerReport['byGender'][number] | MoneyByMarkerReport['byYouth'][number];

const DIMENSIONS = [
  { dimension: 'gender', groups: (report: MoneyByMarkerReport): MarkerGroup[] => report.byGender, approved: 'budget.byGenderMarker', participatory: 'budget.participatoryByGender' },
  { dimension: 'youth', groups: (report: MoneyByMarkerReport): MarkerGroup[] => report.byYouth, approved: 'budget.byYouthMarker', participatory: 'budget.participatoryByYouth' },
] as const;

/** A reserved share as the count wrote it: a decimal ("0.3") or an exact fraction ("1/3"). */
const fractionOf = (share: string) => {
  const [numerator, denominator] = share.split('/');
  return Number(numerator) / (denominator === undefined ? 1 : Number(denominator));
};

/**
 * Where the money went, by marker, as the reports service computed it (GET …/money-by-marker): the
 * approved budget by SDG 5.c.1 gender category and youth marker, with shares drawn as bars; the money
 * participatory budgeting selected and funded in each category; each reserved share against what was
 * met. The page formats the report's figures and recomputes none of them.
 */
export const MoneyByMarker = ({ report, currency }: { report: MoneyByMarkerReport; currency: string }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, currency);
  const percent = (share: string | null) => (share === null ? t('budget.noShare') : i18n.percent(Number(share) / 100));
  const markerName = (dimension: string, marker: string) => t(`marker.${dimension}.${marker}` as MessageKey);
  return (
    <section aria-labelledby="money-by-marker">
      <h2 id="money-by-marker">{t('budget.byMarker')}</h2>
      <p>{t('budget.byMarkerIntro')}</p>
      {DIMENSIONS.map(({ dimension, groups, approved }) => (
        <ShareChart
          key={dimension}
          caption={t(approved)}
          currency={currency}
          shares={groups(report).map((group) => ({ label: markerName(dimension, group.marker), amount: group.amounts.approved, percent: group.shares.approved }))}
        />
      ))}
      {DIMENSIONS.map(({ dimension, groups, participatory }) => (
        <TableRegion key={dimension} caption={t(participatory)}>
          <thead>
            <tr>
              <th scope="col">{t('budget.marker')}</th>
              <th scope="col" className="numeric">{t('budget.selectedProjects')}</th>
              <th scope="col" className="numeric">{t('budget.selected')}</th>
              <th scope="col" className="numeric">{t('budget.share')}</th>
              <th scope="col" className="numeric">{t('budget.fundedProjects')}</th>
              <th scope="col" className="numeric">{t('budget.funded')}</th>
              <th scope="col" className="numeric">{t('budget.share')}</th>
            </tr>
          </thead>
          <tbody>
            {groups(report).map(({ marker, participatory: figures }) => (
              <tr key={marker}>
                <th scope="row">{markerName(dimension, marker)}</th>
                <td className="numeric">{i18n.number(figures.selectedProjects)}</td>
                <td className="numeric">{money(figures.selected)}</td>
                <td className="numeric">{percent(figures.selectedShare)}</td>
                <td className="numeric">{i18n.number(figures.fundedProjects)}</td>
                <td className="numeric">{money(figures.funded)}</td>
                <td className="numeric">{percent(figures.fundedShare)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ))}
      {report.reservedShares.length === 0 ? (
        <p>{t('budget.noReservedShares')}</p>
      ) : (
        <TableRegion caption={t('budget.reservedShares')}>
          <thead>
            <tr>
              <th scope="col">{t('budget.reservedRound')}</th>
              <th scope="col">{t('round.district')}</th>
              <th scope="col">{t('budget.reservedFor')}</th>
              <th scope="col" className="numeric">{t('budget.share')}</th>
              <th scope="col" className="numeric">{t('budget.reservedRequired')}</th>
              <th scope="col" className="numeric">{t('budget.reservedSpent')}</th>
              <th scope="col">{t('budget.reservedMet')}</th>
            </tr>
          </thead>
          <tbody>
            {report.reservedShares.map((reserved) => (
              <tr key={`${reserved.roundDocumentId}|${reserved.districtCode}|${reserved.marker}`}>
                <th scope="row">{reserved.roundTitle}</th>
                <td>{reserved.districtCode || t('budget.wholeRound')}</td>
                <td>{t(`budget.reservation.${reserved.marker}` as MessageKey)}</td>
                <td className="numeric">{i18n.percent(fractionOf(reserved.share))}</td>
                <td className="numeric">{money(reserved.required)}</td>
                <td className="numeric">{money(reserved.spent)}</td>
                <td>{t(reserved.met ? 'budget.reservedMetYes' : 'budget.reservedMetNo')}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </section>
  );
};
