import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/translator';
import { usePortal } from '../../components/portal-context';
import { CsrfField } from '../../components/CsrfField';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { MODERATOR_REASONS } from '../../forums/moderator-reasons';
import { reasonWords } from '../../forums/reason-words';

/** Why a moderator hides, restores, locks or unlocks: the reasons the public moderation record counts. */
export const ModeratorReasonField = ({ value, error }: { value?: string; error?: MessageKey }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  return (
    <SelectField
      name="reason"
      label={t('wsModeration.reasonLabel')}
      hint={t('wsModeration.reasonHint')}
      value={value}
      error={error}
      options={[{ value: '', label: t('wsModeration.chooseReason') }, ...MODERATOR_REASONS.map((reason) => ({ value: reason, label: reasonWords(i18n, reason) }))]}
    />
  );
};

/** The note any moderation action may carry, kept on the record beside its reason. */
export const ModerationNoteField = ({ value, error }: { value?: string; error?: MessageKey }) => {
  const { t } = usePortal().i18n;
  return <TextArea name="note" label={t('wsModeration.noteLabel')} hint={t('wsModeration.noteHint')} value={value} error={error} rows={3} />;
};

/** A form that acts on one thread, post or member: its own fields, the note, one button and the way back to the queue. */
export const ModerationActionForm = ({
  municipalityCode,
  action,
  submitLabel,
  note,
  noteError,
  children,
}: {
  municipalityCode: string;
  action: string;
  submitLabel: string;
  note?: string;
  noteError?: MessageKey;
  children: ReactNode;
}) => {
  const { i18n, href } = usePortal();
  return (
    <form method="post" action={href(action)} noValidate>
      <CsrfField />
      {children}
      <ModerationNoteField value={note} error={noteError} />
      <button type="submit" className="button">
        {submitLabel}
      </button>{' '}
      <a href={href(`/workspace/${municipalityCode}/moderation`)}>{i18n.t('wsModeration.back')}</a>
    </form>
  );
};
