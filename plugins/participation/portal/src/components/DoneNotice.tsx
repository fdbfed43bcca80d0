import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

/**
 * What a form just did, shown on the page its POST redirected to (`?done=…`). A polite status, so a
 * screen reader hears it without losing its place.
 */
export const DoneNotice = ({ message }: { message: MessageKey | null | undefined }) => {
  const { t } = usePortal().i18n;
  if (!message) return null;
  return (
    <div className="notice notice--success" role="status">
      <p>{t(message)}</p>
    </div>
  );
};
