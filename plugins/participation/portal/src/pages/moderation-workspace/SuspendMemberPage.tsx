import type { Forum, ForumPost, ForumThread } from '../../../../shared/contracts/forums';
import { REPORT_REASONS } from '../../../../server/src/domain/forums/report-reasons';
import { usePortal } from '../../components/portal-context';
import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../../components/WorkspaceTrail';
import { reasonWords } from '../../forums/reason-words';

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
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('workspace.tool.moderation.title'), path: '/moderation' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsModeration.suspend.title', { member: post.authorName })}</h1>
      <p>{t('wsModeration.suspend.about', { member: post.authorName, forum: thread.forum.title, position: post.position, thread: thread.title })}</p>
      {ownPost ? (
        <div className="notice notice--warning">
          <p>{t('wsModeration.suspend.own')}</p>
        </div>
      ) : (
        <form method="post" action={href(`/workspace/${municipality.code}/moderation/posts/${post.documentId}/suspend`)} noValidate>
          <CsrfField />
          <TextField name="days" label={t('wsModeration.suspend.daysLabel')} hint={t('wsModeration.suspend.daysHint')} value={values.days} error={errors.days} inputMode="numeric" />
          <SelectField
            name="reason"
            label={t('wsModeration.suspend.reasonLabel')}
            value={values.reason}
            error={errors.reason}
            options={[{ value: '', label: t('wsModeration.chooseReason') }, ...REPORT_REASONS.map((reason) => ({ value: reason, label: reasonWords(i18n, reason) }))]}
          />
          <TextArea name="note" label={t('wsModeration.noteLabel')} hint={t('wsModeration.noteHint')} value={values.note} error={errors.note} rows={3} />
          <button type="submit" className="button">
            {t('wsModeration.suspend.submit', { member: post.authorName })}
          </button>{' '}
          <a href={href(`/workspace/${municipality.code}/moderation`)}>{t('wsModeration.back')}</a>
        </form>
      )}
    </>
  );
};
