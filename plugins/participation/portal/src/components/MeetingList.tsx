import type { Meeting } from '../../../shared/contracts/dialogue-groups';
import type { MessageKey } from '../i18n/translator';
import { meetingTime } from '../community/meeting-time';
import { usePortal } from './portal-context';

/** Meetings as cards: title (a link), when in the municipality's time, and whether held or cancelled. */
export const MeetingList = ({ meetings, country }: { meetings: Array<Pick<Meeting, 'documentId' | 'title' | 'startsAt' | 'status'> & { endsAt?: string | null }>; country: string }) => {
  const { i18n, href, lang } = usePortal();
  return (
    <ul className="card-list">
      {meetings.map((meeting) => (
        <li key={meeting.documentId} className="card">
          <a href={href(`/meetings/${meeting.documentId}`)}>{meeting.title}</a>
          <p className="card__meta">
            {meetingTime(lang, country, meeting.startsAt, meeting.endsAt ?? null)} · {i18n.t(`meeting.status.${meeting.status}` as MessageKey)}
          </p>
        </li>
      ))}
    </ul>
  );
};
