import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail, type TrailStep } from '../components/WorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { DemographicAnswerFields, type DemographicsFormValues } from '../components/DemographicAnswerFields';
import { RecordedConsentFields, type RecordedConsentValues } from '../components/RecordedConsentFields';
import type { MeetingWithItsCommitments } from './WsMeetingPage';

export interface AttendanceLineValues extends RecordedConsentValues {
  offlineReference?: string;
  /** What the person chose to say about themselves (every question optional). */
  demographics: DemographicsFormValues;
}

/**
 * One line of a meeting's paper sign-in sheet with what the person chose to say about themselves, kept
 * with their consent for the meeting's suppressed statistics. After each line the empty form comes back,
 * so that a sheet goes line after line.
 */
export const WsAttendanceLinePage = ({
  municipality,
  meeting,
  trail,
  values,
  errors,
  done,
  minimumGroup,
}: {
  municipality: Municipality;
  meeting: MeetingWithItsCommitments;
  trail: TrailStep[];
  values: AttendanceLineValues;
  errors: FieldErrors;
  done: MessageKey | null;
  /** The smallest group statistics show (statistics.minimumCellSize), told to the person. */
  minimumGroup: number;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/meetings/${meeting.documentId}`;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={trail} />
      <DoneNotice message={done} />
      <ErrorSummary errors={errors} />
      <h1>
        <Message id="wsGroups.lineTitle" values={{ title: <UserText language={writtenIn(meeting, municipality)}>{meeting.title}</UserText> }} />
      </h1>
      <p>{t('wsGroups.lineIntro', { minimum: minimumGroup })}</p>
      <form method="post" action={href(`${base}/attendance/line`)} noValidate>
        <CsrfField />
        <TextField name="offlineReference" label={t('wsGroups.lineReference')} hint={t('wsGroups.lineReferenceHint')} value={values.offlineReference} error={errors.offlineReference} />
        <section aria-labelledby="about-person" className="field-group">
          <h2 id="about-person">{t('wsConsultations.aboutPerson')}</h2>
          <DemographicAnswerFields values={values.demographics} errors={errors} />
          <RecordedConsentFields agreedTo={t('wsGroups.lineConsentGiven')} hint={t('wsGroups.lineConsentHint')} values={values} errors={errors} />
        </section>
        <button type="submit" className="button">
          {t('wsGroups.recordLine')}
        </button>
      </form>
      <p>
        <a href={href(base)}>{t('wsGroups.backToMeeting')}</a>
      </p>
    </>
  );
};
