import { Typography } from '@strapi/design-system';
import type { MoneyByMarkerReport } from '../../../shared/contracts';
import { groupedAmount } from './amounts';
import { FigureTable } from './FigureTable';
import { useMessage } from './message';

type MarkerGroup = MoneyByMarkerReport['byGender'][number] | MoneyByMarkerReport['byYouth'][number];

const DIMENSIONS = [
  { dimension: 'gender', groups: (report: MoneyByMarkerReport): MarkerGroup[] => report.byGender },
  { dimension: 'youth', groups: (report: MoneyByMarkerReport): MarkerGroup[] => report.byYouth },
] as const;

/** A reserved share as the count wrote it: a decimal ("0.3") or an exact fraction ("1/3"), as a percent. */
const percentOfShare = (share: string) => {
  const [numerator, denominator] = share.split('/');
  return `${((Number(numerator) / (denominator === undefined ? 1 : Number(denominator))) * 100).toFixed(2)}%`;
};

/**
 * The money-by-marker report as the reports service computed it (the portal's budget page shows the same):
 * per SDG 5.c.1 gender category and per youth marker, the approved budget and the money participatory
 * budgeting selected and funded, each with its share; then each reserved share of the year's counted
 * rounds against what was met. Figures are shown as the report has them; none is recomputed.
 */
export const MoneyByMarkerTables = ({ report, currency }: { report: MoneyByMarkerReport; currency: string }) => {
  const message = useMessage();
  const money = (amount: string) => groupedAmount(amount, currency);
  const share = (value: string | null) => (value === null ? '—' : `${value}%`);
  const headings = [
    message('money.marker'),
    message('money.approved'),
    message('money.approvedShare'),
    message('money.selected'),
    message('money.selectedShare'),
    message('money.funded'),
    message('money.fundedShare'),
  ];
  return (
    <>
      {DIMENSIONS.map(({ dimension, groups }) => (
        <FigureTable
          key={dimension}
          caption={message(`money.by.${dimension}`, { year: report.fiscalYear })}
          headings={headings}
          rows={[
            ...groups(report).map((group) => ({
              key: group.marker,
              heading: message(`marker.${dimension}.${group.marker}`),
              figures: [
                money(group.amounts.approved),
                share(group.shares.approved),
                message('money.projects', { amount: money(group.participatory.selected), count: group.participatory.selectedProjects }),
                share(group.participatory.selectedShare),
                message('money.projects', { amount: money(group.participatory.funded), count: group.participatory.fundedProjects }),
                share(group.participatory.fundedShare),
              ],
            })),
            {
              key: 'total',
              heading: message('overview.total'),
              figures: [money(report.totals.approved), '—', money(report.totals.participatorySelected), '—', money(report.totals.participatoryFunded), '—'],
            },
          ]}
        />
      ))}
      {report.reservedShares.length === 0 ? (
        <Typography>{message('money.noReservedShares')}</Typography>
      ) : (
        <FigureTable
          caption={message('money.reservedShares')}
          headings={[
            message('overview.round'),
            message('money.district'),
            message('money.reservedFor'),
            message('money.share'),
            message('money.required'),
            message('money.reservedSpent'),
            message('money.met'),
          ]}
          rows={report.reservedShares.map((reserved) => ({
            key: `${reserved.roundDocumentId}|${reserved.districtCode}|${reserved.marker}`,
            heading: reserved.roundTitle,
            figures: [
              reserved.districtCode || message('money.wholeRound'),
              message(`reservation.${reserved.marker}`),
              percentOfShare(reserved.share),
              money(reserved.required),
              money(reserved.spent),
              message(reserved.met ? 'money.metYes' : 'money.metNo'),
            ],
          }))}
        />
      )}
    </>
  );
};
