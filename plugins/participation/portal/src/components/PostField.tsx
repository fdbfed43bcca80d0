import type { MessageKey } from '../i18n/translator';
import { HintAndError, describedBy } from './FieldParts';
import { usePortal } from './portal-context';

/** The tags the forum's sanitiser keeps (domain/forums/post-body.ts), named in the field's hint. */
const KEPT_TAGS = '<p> <br> <strong> <em> <u> <ul> <ol> <li> <blockquote> <a href="https://…">';

/**
 * A post's text: a plain textarea that works without scripts. Its hint says what is kept: paragraphs
 * and the few tags above; the sanitiser removes everything else when the post is stored.
 */
export const PostField = ({ label, value, error }: { label: string; value?: string; error?: MessageKey }) => {
  const { t } = usePortal().i18n;
  const hint = t('post.hint');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor="body">{label}</label>
      <HintAndError name="body" hint={hint} error={error} />
      <p className="hint" id="body-tags">
        {t('post.tagsHint')} <code>{KEPT_TAGS}</code>
      </p>
      <textarea id="body" name="body" rows={8} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={[describedBy('body', hint, error), 'body-tags'].join(' ')} />
    </div>
  );
};
