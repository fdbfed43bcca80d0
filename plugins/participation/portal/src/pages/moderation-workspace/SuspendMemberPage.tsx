import type { Forum, ForumPost, ForumThread } from '../../../../shared/contracts/forums';
import { REPORT_REASONS } from '../../../../server/src/domain/forums/report-reasons';
import { usePortal } from '../../components/portal-context';
import { Message } from '../../components/Message';
import { UserText, writtenIn } from '../../components/UserText';
import { ErrorSummary, type FieldErrors } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../../components/WorkspaceTrail';
import { reasonWords } from '../../forums/reason-words';
import { ModerationActionForm } from './ModerationForm';

export interface SuspendValues {
  days?: string;
  reason?: string;
  note?: string;
}

/**
 * Suspend the author of a post from posting in its forum for some days. A moderator's own post gets an
 * explanation instead of the form: the service refuses a moderator suspending themselves.
 */
export const SuspendMemberPage = ({
  municipality,
  thread,
  post,
  ownPost,
  values,
  errors,
}: {
  municipality: WorkspaceMunicipality;
  thread: ForumThread & { forum: Forum };
  post: ForumPost;
  ownPost: boolean;
  values: SuspendValues;
  errors: FieldErrors;
}) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('workspace.tool.moderation.title'), path: '/moderation' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsModeration.suspend.title', { member: post.authorName })}</h1>
      <p>
        <Message
          id="wsModeration.suspend.about"
          values={{
            member: post.authorName,
            forum: <UserText language={writtenIn(thread.forum, municipality)}>{thread.forum.title}</UserText>,
            position: post.position,
            thread: <UserText language={writtenIn(thread, municipality)}>{thread.title}</UserText>,
          }}
        />
      </p>
      {ownPost ? (
        <div className="notice notice--warning">
          <p>{t('wsModeration.suspend.own')}</p>
        </div>
      ) : (
        <ModerationActionForm
          municipalityCode={municipality.code}
          action={`/workspace/${municipality.code}/moderation/posts/${post.documentId}/suspend`}
          submitLabel={t('wsModeration.suspend.submit', { member: post.authorName })}
          note={values.note}
          noteError={errors.note}
        >
          <TextField name="days" label={t('wsModeration.suspend.daysLabel')} hint={t('wsModeration.suspend.daysHint')} value={values.days} error={errors.days} inputMode="numeric" />
          <SelectField
            name="reason"
            label={t('wsModeration.suspend.reasonLabel')}
            value={values.reason}
            error={errors.reason}
            options={[{ value: '', label: t('wsModeration.chooseReason') }, ...REPORT_REASONS.map((reason) => ({ value: reason, label: reasonWords(i18n, reason) }))]}
          />
        </ModerationActionForm>
      )}
    </>
  );
};
