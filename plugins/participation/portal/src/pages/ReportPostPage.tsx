import type { ForumPost, ForumThread } from '../../../shared/contracts/forums';
import { REPORT_REASONS } from '../../../server/src/domain/forums/report-reasons';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { Choices } from '../components/Choices';
import { TextArea } from '../components/TextArea';
import { postAddress } from '../components/ForumPostItem';
import { Message } from '../components/Message';
import { UserText } from '../components/UserText';
import type { LanguageOfItem } from '../i18n/content-language';

/** Report one post to the moderators: a reason (required) and a note they alone read. */
export const ReportPostPage = ({
  post,
  thread,
  languageOf,
  pageSize,
  values,
  errors,
}: {
  post: ForumPost;
  thread: ForumThread;
  languageOf: LanguageOfItem;
  pageSize: number;
  values: { reason?: string; note?: string };
  errors: FieldErrors;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const threadTitle = <UserText language={languageOf(thread)}>{thread.title}</UserText>;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(postAddress(thread.documentId, post.position, pageSize))}>
          <Message id="report.back" values={{ thread: threadTitle }} />
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t('report.title')}</h1>
      <p>
        <Message id="report.intro" values={{ position: post.position, author: post.authorName, thread: threadTitle }} />
      </p>
      {post.body && <UserText as="div" className="prose quoted-post" language={languageOf({ language: post.language, municipalityCode: thread.municipalityCode })} html={post.body} />}
      <form method="post" action={href(`/posts/${post.documentId}/report`)} noValidate>
        <CsrfField />
        <Choices
          name="reason"
          type="radio"
          legend={t('report.reasonLabel')}
          error={errors.reason}
          checked={values.reason ? [values.reason] : []}
          options={REPORT_REASONS.map((reason) => ({ value: reason, label: t(`report.reason.${reason}` as MessageKey) }))}
        />
        <TextArea name="note" label={t('report.noteLabel')} hint={t('report.noteHint')} value={values.note} error={errors.note} rows={3} />
        <button type="submit" className="button">
          {t('report.submit')}
        </button>
      </form>
    </>
  );
};
