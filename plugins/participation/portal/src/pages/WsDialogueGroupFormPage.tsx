import { SEAT_CATEGORIES } from '../../../server/src/domain/dialogue-groups/members';
import type { DialogueGroup } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { HintAndError, describedBy } from '../components/FieldParts';
import { TextField } from '../components/TextField';
import { TextArea } from '../components/TextArea';

export interface GroupFormValues {
  name?: string;
  description?: string;
  /** Seats reserved by category, as typed. */
  seats: Record<string, string>;
}

/**
 * Set up a dialogue group, or change one (`group` given): its name, what it is for, and seats reserved
 * for groups that are often left out.
 */
export const WsDialogueGroupFormPage = ({ municipality, group, values, errors }: { municipality: Municipality; group?: DialogueGroup; values: GroupFormValues; errors: FieldErrors }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const groupName = group && <UserText language={writtenIn(group, municipality)}>{group.name}</UserText>;
  const steps = [{ label: t('wsGroups.title'), path: '/dialogue-groups' }, ...(group ? [{ label: groupName, path: `/dialogue-groups/${group.documentId}` }] : [])];
  const action = group ? `/workspace/${municipality.code}/dialogue-groups/${group.documentId}/edit` : `/workspace/${municipality.code}/dialogue-groups/new`;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={steps} />
      <ErrorSummary errors={errors} />
      <h1>{group ? <Message id="wsGroups.editTitle" values={{ name: groupName }} /> : t('wsGroups.new')}</h1>
      <form method="post" action={href(action)} noValidate>
        <CsrfField />
        <TextField name="name" label={t('wsGroups.name')} value={values.name} error={errors.name} />
        <TextArea name="description" label={t('wsGroups.description')} value={values.description} error={errors.description} rows={4} />
        <div className={errors.reservedSeats ? 'field field--error' : 'field'}>
          <fieldset id="reservedSeats" aria-describedby={describedBy('reservedSeats', t('wsGroups.seatsHint'), errors.reservedSeats)}>
            <legend>{t('group.reservedSeats')}</legend>
            <HintAndError name="reservedSeats" hint={t('wsGroups.seatsHint')} error={errors.reservedSeats} />
            {SEAT_CATEGORIES.map((category) => (
              <TextField key={category} name={`seats-${category}`} label={t(`targetGroup.${category}` as MessageKey)} value={values.seats[category]} inputMode="numeric" />
            ))}
          </fieldset>
        </div>
        <button type="submit" className="button">
          {group ? t('wsConsultations.saveChanges') : t('wsGroups.create')}
        </button>
      </form>
    </>
  );
};
