import type { DisaggregatedStatistics, StatisticsDimension } from '../../../shared/contracts/statistics';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import { PublishedCount } from './PublishedCount';
import { TableRegion } from './TableRegion';

/**
 * Who took part, as the statistics service published it: the total and a table per dimension, each
 * count a number or "not published" (domain/statistics suppression, never recomputed here).
 */
export const ParticipationTables = ({ statistics }: { statistics: DisaggregatedStatistics }) => {
  const { t } = usePortal().i18n;
  const dimensions = Object.entries(statistics.breakdowns) as Array<[StatisticsDimension, Record<string, DisaggregatedStatistics['total']>]>;
  return (
    <>
      <p>
        {t('statistics.total')} <strong><PublishedCount count={statistics.total} /></strong>
      </p>
      <p className="hint">{t('statistics.suppressionRule', { k: statistics.k })}</p>
      {dimensions.map(([dimension, counts]) => (
        <TableRegion key={dimension} caption={t(`statistics.dimension.${dimension}` as MessageKey)}>
          <thead>
            <tr>
              <th scope="col">{t('statistics.category')}</th>
              <th scope="col" className="numeric">{t('statistics.people')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(counts).map(([category, count]) => (
              <tr key={category}>
                <th scope="row">{t(`statistics.${dimension}.${category}` as MessageKey)}</th>
                <td className="numeric"><PublishedCount count={count} /></td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ))}
    </>
  );
};
