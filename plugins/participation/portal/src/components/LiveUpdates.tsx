import { usePortal } from './portal-context';

/**
 * The polite status region that assets/live.js fills with news from the page's real-time rooms (a phase
 * change, published results, a new decision): announced, never moving focus, with a link to read the page
 * again. Pages that show it list `live.js` among their scripts; without scripts the region stays empty.
 */
export const LiveUpdates = ({ rooms, messages, token }: { rooms: string[]; messages: Record<string, string>; token?: string }) => {
  const { i18n, href, pagePath, assetHref } = usePortal();
  return (
    <div className="live-updates">
      <p role="status" aria-live="polite" data-live-rooms={rooms.join(' ')} data-live-client={assetHref('socket.io.js')} data-live-messages={JSON.stringify(messages)} data-live-token={token} />
      <p hidden data-live-reload>
        <a href={href(pagePath)}>{i18n.t('live.reload')}</a>
      </p>
    </div>
  );
};
