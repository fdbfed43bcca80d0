import { COMMITMENT_KINDS } from '../../../server/src/domain/dialogue-groups/commitments';
import type { ListMeetingRegistrations, MeetingWithCommitments } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { meetingTime } from '../community/meeting-time';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail, type TrailStep } from '../components/WorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TableRegion } from '../components/TableRegion';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';
import { SelectField } from '../components/SelectField';
import { Choices } from '../components/Choices';

/** A meeting with the commitments its minutes recorded, as the meeting service gives it. */
export type MeetingWithItsCommitments = MeetingWithCommitments['data'];

/** Room for this many commitments or recommendations in one set of minutes; empty ones are left out. */
export const COMMITMENT_SLOTS = 3;

export interface MinutesFormValues {
  minutes?: string;
  commitments: Array<{ kind: string; text: string; owner: string; dueDate: string }>;
}

export interface AttendanceFormValues {
  usernames: string[];
  paperLines?: string;
}

/** What the meeting's state lets its organisers do now. */
export interface MeetingState {
  /** Attendance and minutes are taken once the meeting has started, until the minutes are out. */
  takingRecords: boolean;
  /** Rescheduling and cancelling: until it is held or cancelled, for those the access rules allow. */
  changeable: boolean;
}

const Registrations = ({ registrations }: { registrations: ListMeetingRegistrations }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  if (registrations.data.length === 0) return <p>{t('wsGroups.noRegistrations')}</p>;
  return (
    <TableRegion caption={t('wsGroups.registrationsCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('wsGroups.registrant')}</th>
          <th scope="col">{t('wsGroups.needs')}</th>
          <th scope="col">{t('wsGroups.registeredAt')}</th>
        </tr>
      </thead>
      <tbody>
        {registrations.data.map((registration) => (
          <tr key={registration.username}>
            <th scope="row">{registration.username}</th>
            <td>{registration.accessibilityNeeds ?? t('wsGroups.noNeeds')}</td>
            <td>{i18n.date(registration.registeredAt)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
};

const AttendanceForm = ({ action, registrations, values, errors }: { action: string; registrations: ListMeetingRegistrations; values: AttendanceFormValues; errors: FieldErrors }) => {
  const { t } = usePortal().i18n;
  return (
    <form method="post" action={action} noValidate>
      <CsrfField />
      {registrations.data.length > 0 && (
        <Choices
          name="usernames"
          type="checkbox"
          legend={t('wsGroups.whoCame')}
          error={errors.usernames}
          checked={values.usernames}
          options={registrations.data.map((registration) => ({ value: registration.username, label: registration.username }))}
        />
      )}
      <TextArea name="paperLines" label={t('wsGroups.paperLines')} hint={t('wsGroups.paperLinesHint')} value={values.paperLines} error={errors.paperLines} rows={4} />
      <button type="submit" className="button">
        {t('wsGroups.recordAttendance')}
      </button>
    </form>
  );
};

const MinutesForm = ({ action, values, errors, withCommitments }: { action: string; values: MinutesFormValues; errors: FieldErrors; withCommitments: boolean }) => {
  const { t } = usePortal().i18n;
  return (
    <form method="post" action={action} noValidate>
      <CsrfField />
      <TextArea name="minutes" label={t('meeting.minutes')} hint={t('wsGroups.minutesHint')} value={values.minutes} error={errors.minutes} rows={8} />
      {withCommitments &&
        Array.from({ length: COMMITMENT_SLOTS }, (_, index) => {
          const slot = index + 1;
          const value = values.commitments[index];
          return (
            <fieldset key={slot} className="field-group">
              <legend>{t('wsGroups.commitmentSlot', { number: slot })}</legend>
              <SelectField
                name={`commitment-${slot}-kind`}
                label={t('wsGroups.commitmentKind')}
                value={value?.kind}
                options={COMMITMENT_KINDS.map((kind) => ({ value: kind, label: t(`commitment.kind.${kind}` as MessageKey) }))}
              />
              <TextArea name={`commitment-${slot}-text`} label={t('wsGroups.commitmentText')} value={value?.text} error={errors[`commitment-${slot}-text`]} rows={2} />
              <TextField name={`commitment-${slot}-owner`} label={t('wsGroups.commitmentOwner')} value={value?.owner} error={errors[`commitment-${slot}-owner`]} />
              <TextField name={`commitment-${slot}-dueDate`} type="date" label={t('wsGroups.commitmentDue')} value={value?.dueDate} error={errors[`commitment-${slot}-dueDate`]} />
            </fieldset>
          );
        })}
      <button type="submit" className="button">
        {t('wsGroups.checkMinutes')}
      </button>
    </form>
  );
};

/**
 * One meeting for its organisers: the facts, who registered with the accessibility needs they stated
 * (only here and in the API, never on a public page), and once it has started, attendance and minutes.
 */
export const WsMeetingPage = ({
  municipality,
  meeting,
  trail,
  registrations,
  state,
  attendance,
  minutes,
  errors,
  done,
}: {
  municipality: Municipality;
  meeting: MeetingWithItsCommitments;
  trail: readonly TrailStep[];
  registrations: ListMeetingRegistrations;
  state: MeetingState;
  attendance: AttendanceFormValues;
  minutes: MinutesFormValues;
  errors: FieldErrors;
  done: MessageKey | null;
}) => {
  const { i18n, href, lang } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/meetings/${meeting.documentId}`;
  const language = writtenIn(meeting, municipality);
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={trail} />
      <DoneNotice message={done} />
      <ErrorSummary errors={errors} />
      <h1>
        <UserText language={language}>{meeting.title}</UserText>
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('meeting.when')}</dt>
          <dd>{meetingTime(lang, municipality.country, meeting.startsAt, meeting.endsAt)}</dd>
        </div>
        <div>
          <dt>{t('wsConsultations.status')}</dt>
          <dd>{t(`meeting.status.${meeting.status}` as MessageKey)}</dd>
        </div>
        {meeting.place && (
          <div>
            <dt>{t('meeting.place')}</dt>
            <dd>
              <UserText language={language}>{meeting.place}</UserText>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('meeting.accessibility')}</dt>
          <dd>{meeting.accessibility.length ? meeting.accessibility.map((arrangement) => t(`meeting.arrangement.${arrangement}` as MessageKey)).join(', ') : '–'}</dd>
        </div>
        <div>
          <dt>{t('wsGroups.registered')}</dt>
          <dd>{i18n.number(meeting.registered)}</dd>
        </div>
      </dl>
      <p>
        <a href={href(`/meetings/${meeting.documentId}`)}>{t('wsConsultations.publicPage')}</a>
      </p>
      {state.changeable && (
        <ul className="account-links">
          <li>
            <a href={href(`${base}/edit`)}>{t('wsGroups.reschedule')}</a>
          </li>
          <li>
            <a href={href(`${base}/cancel`)}>{t('wsGroups.cancelMeeting')}</a>
          </li>
        </ul>
      )}
      <h2>{t('wsGroups.registrations')}</h2>
      <p className="hint">{t('wsGroups.needsPrivacy')}</p>
      <Registrations registrations={registrations} />
      {state.takingRecords && (
        <>
          <h2>{t('meeting.attendance')}</h2>
          <AttendanceForm action={href(`${base}/attendance`)} registrations={registrations} values={attendance} errors={errors} />
          <p>
            <a href={href(`${base}/attendance/line`)}>{t('wsGroups.enterLine')}</a>
          </p>
          <h2>{t('wsGroups.publishMinutes')}</h2>
          <MinutesForm action={href(`${base}/minutes`)} values={minutes} errors={errors} withCommitments={meeting.groupDocumentId !== null} />
        </>
      )}
      {meeting.status === 'scheduled' && !state.takingRecords && <p>{t('wsGroups.recordsLater')}</p>}
      {meeting.commitments.length > 0 && (
        <>
          <h2>{t('meeting.commitments')}</h2>
          <ul>
            {meeting.commitments.map((commitment) => (
              <li key={commitment.documentId}>
                <a href={href(`/workspace/${municipality.code}/commitments/${commitment.documentId}`)}>
                  <UserText language={language}>{commitment.text}</UserText>
                </a> ({t(`commitment.status.${commitment.status}` as MessageKey)})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
};
