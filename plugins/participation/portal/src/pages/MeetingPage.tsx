import type { DialogueGroup, MeetingWithCommitments } from '../../../shared/contracts/dialogue-groups';
import type { Consultation } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { meetingTime } from '../community/meeting-time';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { PublishedCount } from '../components/PublishedCount';
import { TextArea } from '../components/TextArea';
import { UserText, writtenIn } from '../components/UserText';

/** What the signed-in person may do about registering, as the meeting service would decide it. */
export type RegistrationState = 'signed-out' | 'open' | 'registered' | 'full' | 'closed';

const Registration = ({ meetingId, state, needs, errors }: { meetingId: string; state: RegistrationState; needs?: string; errors: FieldErrors }) => {
  const { i18n, href, pagePath } = usePortal();
  const { t } = i18n;
  if (state === 'closed') return <p>{t('meeting.registrationClosed')}</p>;
  if (state === 'full') return <p>{t('meeting.full')}</p>;
  if (state === 'signed-out') {
    return (
      <p>
        <a href={href(`/sign-in?returnTo=${encodeURIComponent(pagePath)}`)}>{t('meeting.signInToRegister')}</a>
      </p>
    );
  }
  if (state === 'registered') {
    return (
      <form method="post" action={href(`/meetings/${meetingId}/registration/withdraw`)}>
        <p>{t('meeting.youAreRegistered')}</p>
        <CsrfField />
        <button type="submit" className="button button--secondary">
          {t('meeting.unregister')}
        </button>
      </form>
    );
  }
  return (
    <form method="post" action={href(`/meetings/${meetingId}/registration`)} noValidate>
      <CsrfField />
      <TextArea name="accessibilityNeeds" label={t('meeting.needsLabel')} hint={t('meeting.needsHint')} value={needs} error={errors.accessibilityNeeds} rows={3} />
      <button type="submit" className="button">
        {t('meeting.register')}
      </button>
    </form>
  );
};

/**
 * A meeting: when and where, how it is made accessible, its agenda, registering, and once held its
 * minutes, the commitments they recorded and how many attended (suppressed where few did).
 * Registrants' stated needs are never shown here: only the organisers read them, through the API.
 */
export const MeetingPage = ({
  meeting,
  municipality,
  group,
  consultation,
  registration,
  minimumCellSize,
  done,
  needs,
  errors,
}: {
  meeting: MeetingWithCommitments['data'];
  municipality: Municipality;
  group: Pick<DialogueGroup, 'documentId' | 'name' | 'language'> | null;
  consultation: Pick<Consultation, 'documentId' | 'topic' | 'language'> | null;
  registration: RegistrationState;
  minimumCellSize: number;
  done?: 'registered' | 'unregistered';
  needs?: string;
  errors: FieldErrors;
}) => {
  const { i18n, href, lang } = usePortal();
  const { t } = i18n;
  const language = writtenIn(meeting, municipality);
  return (
    <>
      <p className="breadcrumb">
        {group && (
          <a href={href(`/dialogue-groups/${group.documentId}`)}>
            <UserText language={writtenIn(group, municipality)}>{group.name}</UserText>
          </a>
        )}
        {consultation && (
          <a href={href(`/consultations/${consultation.documentId}`)}>
            <UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText>
          </a>
        )}
      </p>
      {done && (
        <div className="notice notice--success" role="status">
          <p>{t(`meeting.done.${done}` as MessageKey)}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <h1>
        <UserText language={language}>{meeting.title}</UserText>
      </h1>
      <p className="status-line">
        <strong>{t(`meeting.status.${meeting.status}` as MessageKey)}</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('meeting.when')}</dt>
          <dd>{meetingTime(lang, municipality.country, meeting.startsAt, meeting.endsAt)}</dd>
        </div>
        {meeting.place && (
          <div>
            <dt>{t('meeting.place')}</dt>
            <dd>
              <UserText language={language}>{meeting.place}</UserText>
            </dd>
          </div>
        )}
        {meeting.onlineLink && (
          <div>
            <dt>{t('meeting.online')}</dt>
            <dd>
              <a href={meeting.onlineLink} className="url">{meeting.onlineLink}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('meeting.places')}</dt>
          <dd>
            {meeting.capacity === null
              ? t('meeting.registeredNoLimit', { registered: meeting.registered })
              : t('meeting.registeredOf', { registered: meeting.registered, capacity: meeting.capacity })}
          </dd>
        </div>
      </dl>

      <h2>{t('meeting.accessibility')}</h2>
      {meeting.accessibility.length === 0 ? (
        <p>{t('meeting.noArrangements')}</p>
      ) : (
        <ul>
          {meeting.accessibility.map((arrangement) => (
            <li key={arrangement}>{t(`meeting.arrangement.${arrangement}` as MessageKey)}</li>
          ))}
        </ul>
      )}

      <h2>{t('meeting.agenda')}</h2>
      {/* Agendas and minutes are sanitised when stored (services/meeting.ts, the forum's sanitiser). */}
      {meeting.agenda ? <UserText as="div" className="rich-text" language={language} html={meeting.agenda} /> : <p>{t('meeting.noAgenda')}</p>}

      <h2 id="registration">{t('meeting.registration')}</h2>
      <Registration meetingId={meeting.documentId} state={registration} needs={needs} errors={errors} />

      <h2>{t('meeting.attendance')}</h2>
      <p>
        {meeting.attended === null ? (
          t('meeting.attendanceLater')
        ) : (
          <>
            {t('meeting.attended')} <strong><PublishedCount count={meeting.attended} /></strong>
          </>
        )}
      </p>
      {meeting.attended === 'suppressed' && <p className="hint">{t('statistics.suppressionRule', { k: minimumCellSize })}</p>}

      <h2>{t('meeting.minutes')}</h2>
      {meeting.minutes ? (
        <>
          {meeting.minutesPublishedAt && <p className="card__meta">{t('meeting.minutesPublished', { date: i18n.date(meeting.minutesPublishedAt) })}</p>}
          <UserText as="div" className="rich-text" language={language} html={meeting.minutes} />
        </>
      ) : (
        <p>{t('meeting.minutesLater')}</p>
      )}
      {meeting.commitments.length > 0 && (
        <>
          <h3>{t('meeting.commitments')}</h3>
          <ul>
            {meeting.commitments.map((entry) => (
              <li key={entry.documentId}>
                <strong>{t(`commitment.kind.${entry.kind}` as MessageKey)}:</strong> <UserText language={language}>{entry.text}</UserText> ({entry.owner}) – {t(`commitment.status.${entry.status}` as MessageKey)}
              </li>
            ))}
          </ul>
          {group && (
            <p>
              <a href={href(`/dialogue-groups/${group.documentId}#register`)}>{t('meeting.commitmentsRegisterLink')}</a>
            </p>
          )}
        </>
      )}
    </>
  );
};
