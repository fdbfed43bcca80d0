import type { Meeting } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { meetingTime } from '../community/meeting-time';
import { usePortal } from './portal-context';
import { UserText, writtenIn } from './UserText';

/**
 * The meetings of a dialogue group or a consultation on its workspace screen, each linked to the meeting's
 * own screen, and where a new one is scheduled (`newMeetingPath`; absent when none may be).
 */
export const WsMeetingList = ({ municipality, meetings, newMeetingPath }: { municipality: Municipality; meetings: Meeting[]; newMeetingPath?: string }) => {
  const { i18n, href, lang } = usePortal();
  const { t } = i18n;
  return (
    <>
      {newMeetingPath && (
        <p>
          <a href={href(newMeetingPath)}>{t('wsGroups.newMeeting')}</a>
        </p>
      )}
      {meetings.length === 0 ? (
        <p>{t('group.noMeetings')}</p>
      ) : (
        <ul className="card-list">
          {meetings.map((meeting) => (
            <li key={meeting.documentId} className="card">
              <a href={href(`/workspace/${municipality.code}/meetings/${meeting.documentId}`)}>
                <UserText language={writtenIn(meeting, municipality)}>{meeting.title}</UserText>
              </a>
              <p className="hint">
                {meetingTime(lang, municipality.country, meeting.startsAt, meeting.endsAt)} · {t(`meeting.status.${meeting.status}` as MessageKey)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
