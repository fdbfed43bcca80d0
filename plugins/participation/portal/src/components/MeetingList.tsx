import type { Meeting } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { meetingTime } from '../community/meeting-time';
import { usePortal } from './portal-context';
import { UserText, writtenIn } from './UserText';

/** Meetings as cards: title (a link), when in the municipality's time, and whether held or cancelled. */
export const MeetingList = ({
  meetings,
  municipality,
}: {
  meetings: Array<Pick<Meeting, 'documentId' | 'title' | 'startsAt' | 'status' | 'language'> & { endsAt?: string | null }>;
  municipality: Pick<Municipality, 'country' | 'contentLanguage'>;
}) => {
  const { i18n, href, lang } = usePortal();
  return (
    <ul className="card-list">
      {meetings.map((meeting) => (
        <li key={meeting.documentId} className="card">
          <a href={href(`/meetings/${meeting.documentId}`)}>
            <UserText language={writtenIn(meeting, municipality)}>{meeting.title}</UserText>
          </a>
          <p className="card__meta">
            {meetingTime(lang, municipality.country, meeting.startsAt, meeting.endsAt ?? null)} · {i18n.t(`meeting.status.${meeting.status}` as MessageKey)}
          </p>
        </li>
      ))}
    </ul>
  );
};
