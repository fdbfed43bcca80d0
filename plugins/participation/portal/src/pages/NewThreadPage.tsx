import type { Forum } from '../../../shared/contracts/forums';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { PostField } from '../components/PostField';
import { PostingRefusal, type PostingStanding } from '../components/PostingRefusal';

/** Start a thread in a forum: its title and first post; errors beside the fields, values kept. */
export const NewThreadPage = ({ forum, standing, values, errors }: { forum: Forum; standing: PostingStanding; values: { title?: string; body?: string }; errors: FieldErrors }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/forums/${forum.documentId}`)}>{forum.title}</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t('newThread.title')}</h1>
      {standing.kind !== 'may-post' ? (
        <PostingRefusal standing={standing} municipalityCode={forum.municipalityCode} />
      ) : (
        <form method="post" action={href(`/forums/${forum.documentId}/threads/new`)} noValidate>
          <CsrfField />
          <TextField name="title" label={t('newThread.titleLabel')} hint={t('newThread.titleHint')} value={values.title} error={errors.title} />
          <PostField label={t('post.label')} value={values.body} error={errors.body} />
          <button type="submit" className="button">
            {t('newThread.submit')}
          </button>
        </form>
      )}
    </>
  );
};
