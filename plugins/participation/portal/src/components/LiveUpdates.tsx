import type { EventType } from '../../../shared/contracts/events';
import { usePortal } from './portal-context';

interface LiveUpdatesProps {
  rooms: string[];
  /** News that changes what the page says: announced, with a link to read the page again. */
  messages?: Partial<Record<EventType, string>>;
  /** Running totals (`round.running-totals`): shown in place in each `[data-running-total]`, this summary said now and then. */
  runningTotals?: string;
  /** A proposal's status (`proposal.status-changed`): shown in place in `[data-live-proposal-status]` and announced; `{status}` in `announce` is its words. */
  proposalStatus?: { announce: string; statuses: Record<string, string> };
  /** Events after which the page's `[data-live-refreshed]` part is read again and shown in place (a thread's new post on its last page); announced with `messages`. */
  refreshOn?: EventType[];
  /** A short-lived JWT for rooms that need one: the person's own (`user:<id>`, the notifications page). */
  token?: string;
}

const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

/**
 * The polite status region that assets/live.js fills with news from the page's real-time rooms (a phase
 * change, published results, a new decision, a proposal's status, running totals, a thread's new post):
 * announced, never moving focus. Pages that show it list `live.js` among their scripts; without scripts the region stays
 * empty and the page shows what was so when it was loaded.
 */
export const LiveUpdates = ({ rooms, messages = {}, runningTotals, proposalStatus, refreshOn, token }: LiveUpdatesProps) => {
  const { i18n, href, pagePath, assetHref } = usePortal();
  return (
    <div className="live-updates">
      <p
        role="status"
        aria-live="polite"
        data-live-rooms={rooms.join(' ')}
        data-live-client={assetHref('socket.io.js')}
        data-live-messages={json(messages)}
        data-live-totals={json(runningTotals)}
        data-live-status={json(proposalStatus)}
        data-live-refresh={json(refreshOn)}
        data-live-token={token}
      />
      <p hidden data-live-reload>
        <a href={href(pagePath)}>{i18n.t('live.reload')}</a>
      </p>
    </div>
  );
};
