import type { Forum, ForumThread } from '../../../../shared/contracts/forums';
import { usePortal } from '../../components/portal-context';
import { Message } from '../../components/Message';
import { UserText, writtenIn } from '../../components/UserText';
import { ErrorSummary, type FieldErrors } from '../../components/ErrorSummary';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../../components/WorkspaceTrail';
import { ModerationActionForm, ModeratorReasonField } from './ModerationForm';

export interface ThreadLockValues {
  reason?: string;
  note?: string;
}

/** Lock a thread (no new posts) or unlock it, with the reason the public record counts. */
export const ThreadLockPage = ({ municipality, thread, values, errors }: { municipality: WorkspaceMunicipality; thread: ForumThread & { forum: Forum }; values: ThreadLockValues; errors: FieldErrors }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const title = <UserText language={writtenIn(thread, municipality)}>{thread.title}</UserText>;
  const forum = <UserText language={writtenIn(thread.forum, municipality)}>{thread.forum.title}</UserText>;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('workspace.tool.moderation.title'), path: '/moderation' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t(thread.locked ? 'wsModeration.thread.unlockTitle' : 'wsModeration.thread.lockTitle')}</h1>
      <p>
        <Message id="wsModeration.thread.about" values={{ thread: title, forum, posts: thread.postCount }} />
      </p>
      <p>{t(thread.locked ? 'wsModeration.thread.isLocked' : 'wsModeration.thread.isOpen')}</p>
      <p>
        <a href={href(`/threads/${thread.documentId}`)}>
          <Message id="wsModeration.thread.read" values={{ thread: title }} />
        </a>
      </p>
      <ModerationActionForm
        municipalityCode={municipality.code}
        action={`/workspace/${municipality.code}/moderation/threads/${thread.documentId}`}
        submitLabel={t(thread.locked ? 'wsModeration.thread.unlock' : 'wsModeration.thread.lock')}
        note={values.note}
        noteError={errors.note}
      >
        <ModeratorReasonField value={values.reason} error={errors.reason} />
      </ModerationActionForm>
    </>
  );
};
