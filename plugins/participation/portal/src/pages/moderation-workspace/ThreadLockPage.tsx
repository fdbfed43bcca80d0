import type { Forum, ForumThread } from '../../../../shared/contracts/forums';
import { usePortal } from '../../components/portal-context';
import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../../components/WorkspaceTrail';
import { MODERATOR_REASONS } from '../../forums/moderator-reasons';
import { reasonWords } from '../../forums/reason-words';

export interface ThreadLockValues {
  reason?: string;
  note?: string;
}

/** Lock a thread (no new posts) or unlock it, with the reason the public record counts. */
export const ThreadLockPage = ({ municipality, thread, values, errors }: { municipality: WorkspaceMunicipality; thread: ForumThread & { forum: Forum }; values: ThreadLockValues; errors: FieldErrors }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('workspace.tool.moderation.title'), path: '/moderation' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t(thread.locked ? 'wsModeration.thread.unlockTitle' : 'wsModeration.thread.lockTitle')}</h1>
      <p>{t('wsModeration.thread.about', { thread: thread.title, forum: thread.forum.title, posts: thread.postCount })}</p>
      <p>{t(thread.locked ? 'wsModeration.thread.isLocked' : 'wsModeration.thread.isOpen')}</p>
      <p>
        <a href={href(`/threads/${thread.documentId}`)}>{t('wsModeration.thread.read', { thread: thread.title })}</a>
      </p>
      <form method="post" action={href(`/workspace/${municipality.code}/moderation/threads/${thread.documentId}`)} noValidate>
        <CsrfField />
        <SelectField
          name="reason"
          label={t('wsModeration.reasonLabel')}
          hint={t('wsModeration.reasonHint')}
          value={values.reason}
          error={errors.reason}
          options={[{ value: '', label: t('wsModeration.chooseReason') }, ...MODERATOR_REASONS.map((reason) => ({ value: reason, label: reasonWords(i18n, reason) }))]}
        />
        <TextArea name="note" label={t('wsModeration.noteLabel')} hint={t('wsModeration.noteHint')} value={values.note} error={errors.note} rows={3} />
        <button type="submit" className="button">
          {t(thread.locked ? 'wsModeration.thread.unlock' : 'wsModeration.thread.lock')}
        </button>{' '}
        <a href={href(`/workspace/${municipality.code}/moderation`)}>{t('wsModeration.back')}</a>
      </form>
    </>
  );
};
