import type { DisaggregatedStatistics } from '../../../shared/contracts/statistics';
import { DIMENSIONS, DIMENSION_NAMES } from '../../../server/src/domain/statistics/demographics';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import { PublishedCount } from './PublishedCount';
import { TableRegion } from './TableRegion';

/**
 * Who took part, as the statistics service published it: the total and a table per dimension, each
 * count a number or "not published" (domain/statistics suppression, never recomputed here). In the
 * domain's order of dimensions and categories: a summary kept as jsonb comes back with its keys sorted.
 * `population` names whom the tables count in their captions, for a page with more than one set of
 * tables (each table region then has a name of its own); `withRule` false where the page states the
 * suppression rule once for all of them.
 */
export const ParticipationTables = ({ statistics, population, withRule = true }: { statistics: DisaggregatedStatistics; population?: string; withRule?: boolean }) => {
  const { t } = usePortal().i18n;
  const dimensions = DIMENSION_NAMES.flatMap((dimension) => {
    const counts = statistics.breakdowns[dimension] as Record<string, DisaggregatedStatistics['total']> | undefined;
    return counts ? [[dimension, DIMENSIONS[dimension].map((category) => [category, counts[category]] as const)] as const] : [];
  });
  return (
    <>
      <p>
        {t('statistics.total')} <strong><PublishedCount count={statistics.total} /></strong>
      </p>
      {withRule && <p className="hint">{t('statistics.suppressionRule', { k: statistics.k })}</p>}
      {dimensions.map(([dimension, counts]) => (
        <TableRegion
          key={dimension}
          caption={population ? t('statistics.captionOf', { population, dimension: t(`statistics.dimension.${dimension}` as MessageKey) }) : t(`statistics.dimension.${dimension}` as MessageKey)}
        >
          <thead>
            <tr>
              <th scope="col">{t('statistics.category')}</th>
              <th scope="col" className="numeric">{t('statistics.people')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([category, count]) => (
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
