import type { PublishedCount as Count } from '../../../shared/contracts/statistics';
import { usePortal } from './portal-context';

/** A published count, or in words why it is not published (it could single out fewer than k people). */
export const PublishedCount = ({ count }: { count: Count }) => {
  const { i18n } = usePortal();
  return <>{count === 'suppressed' ? i18n.t('statistics.suppressed') : i18n.number(count)}</>;
};
