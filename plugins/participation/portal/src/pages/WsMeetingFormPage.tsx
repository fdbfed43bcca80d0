import { ACCESSIBILITY_ARRANGEMENTS } from '../../../server/src/domain/dialogue-groups/meetings';
import type { Meeting } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail, type TrailStep } from '../components/WorkspaceTrail';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';
import { Choices } from '../components/Choices';

export interface MeetingFormValues {
  title?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  place?: string;
  onlineLink?: string;
  accessibility: string[];
  agenda?: string;
  capacity?: string;
}

/**
 * Schedule a meeting (at `action`), or reschedule `meeting`: when, where (a place, an online link or
 * both), how it is made accessible, and its agenda. Those registered hear of a change.
 */
export const WsMeetingFormPage = ({
  municipality,
  trail,
  action,
  meeting,
  values,
  errors,
}: {
  municipality: Municipality;
  trail: readonly TrailStep[];
  action: string;
  meeting?: Meeting;
  values: MeetingFormValues;
  errors: FieldErrors;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={trail} />
      <ErrorSummary errors={errors} />
      <h1>{meeting ? <Message id="wsGroups.rescheduleTitle" values={{ title: <UserText language={writtenIn(meeting, municipality)}>{meeting.title}</UserText> }} /> : t('wsGroups.newMeeting')}</h1>
      {meeting && meeting.registered > 0 && <p>{t('wsGroups.rescheduleNotice', { count: meeting.registered })}</p>}
      <form method="post" action={href(action)} noValidate>
        <CsrfField />
        <TextField name="title" label={t('wsGroups.meetingTitle')} value={values.title} error={errors.title} />
        <TextField name="date" type="date" label={t('wsGroups.meetingDate')} hint={t('wsGroups.meetingDateHint')} value={values.date} error={errors.date} />
        <TextField name="startTime" type="time" label={t('wsGroups.startTime')} hint={t('wsGroups.timeHint')} value={values.startTime} error={errors.startTime} />
        <TextField name="endTime" type="time" label={t('wsGroups.endTime')} hint={t('wsGroups.timeHint')} value={values.endTime} error={errors.endTime} />
        <TextField name="place" label={t('meeting.place')} hint={t('wsGroups.placeHint')} value={values.place} error={errors.place} />
        <TextField name="onlineLink" label={t('wsGroups.onlineLink')} hint={t('wsGroups.onlineLinkHint')} value={values.onlineLink} error={errors.onlineLink} />
        <Choices
          name="accessibility"
          type="checkbox"
          legend={t('wsGroups.arrangements')}
          error={errors.accessibility}
          checked={values.accessibility}
          options={ACCESSIBILITY_ARRANGEMENTS.map((arrangement) => ({ value: arrangement, label: t(`meeting.arrangement.${arrangement}` as MessageKey) }))}
        />
        <TextArea name="agenda" label={t('meeting.agenda')} hint={t('wsGroups.agendaHint')} value={values.agenda} error={errors.agenda} rows={5} />
        <TextField name="capacity" label={t('wsGroups.capacity')} hint={t('wsGroups.capacityHint')} value={values.capacity} error={errors.capacity} inputMode="numeric" />
        <button type="submit" className="button">
          {meeting ? t('wsConsultations.saveChanges') : t('wsGroups.schedule')}
        </button>
      </form>
    </>
  );
};
