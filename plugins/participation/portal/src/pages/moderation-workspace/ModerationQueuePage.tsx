import type { ActiveSuspension, ModerationQueueItem } from '../../../../shared/contracts/forums';
import type { MessageKey } from '../../i18n/translator';
import { usePortal } from '../../components/portal-context';
import { CsrfField } from '../../components/CsrfField';
import { DoneNotice } from '../../components/DoneNotice';
import { ErrorSummary, type FieldErrors } from '../../components/ErrorSummary';
import { HintAndError, describedBy } from '../../components/FieldParts';
import { Choices } from '../../components/Choices';
import { TableRegion } from '../../components/TableRegion';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../../components/WorkspaceTrail';
import { reasonWords } from '../../forums/reason-words';
import { Message } from '../../components/Message';
import { UserText, writtenIn } from '../../components/UserText';
import { ModerationNoteField, ModeratorReasonField } from './ModerationForm';

/** What a moderation form just did, named in `?done=` after its redirect. */
export const MODERATION_DONE = ['hidden', 'restored', 'locked', 'unlocked', 'suspended', 'lifted'] as const;
export type ModerationDone = (typeof MODERATION_DONE)[number];

/** The queue form's fields as sent, kept when it comes back with errors. */
export interface PostActionValues {
  postIds: string[];
  action?: string;
  reason?: string;
  note?: string;
}

/** One post in the queue: where it is, what it says, its state and every report's reason and note, never who reported. */
const QueueItem = ({ municipality, item, index, checked, threadLocked }: { municipality: WorkspaceMunicipality; item: ModerationQueueItem; index: number; checked: boolean; threadLocked: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const { post } = item;
  const municipalityCode = municipality.code;
  const thread = <UserText language={writtenIn({ language: item.threadLanguage }, municipality)}>{item.threadTitle}</UserText>;
  // The first checkbox carries the group's name as its id: the error summary's link lands on it.
  const id = index === 0 ? 'postIds' : `postIds-${index}`;
  const state =
    post.visibility === 'hidden'
      ? t('wsModeration.state.hidden', { reason: reasonWords(i18n, post.hidden?.reason ?? 'other') })
      : post.visibility === 'pending-review'
        ? t('wsModeration.state.pendingReview')
        : t('wsModeration.state.visible');
  return (
    <li className="card">
      <div className="choice">
        <input type="checkbox" id={id} name="postIds" value={post.documentId} defaultChecked={checked} />
        <label htmlFor={id}>
          <Message id="wsModeration.item.label" values={{ position: post.position, author: post.authorName, thread }} />
        </label>
      </div>
      <p className="card__meta">
        <strong>{state}</strong> {t('wsModeration.item.reports', { count: item.reportCount, counted: item.countedReportCount })}
      </p>
      <UserText as="div" className="prose quoted-post" language={writtenIn(post, municipality)} html={post.bodyForModerators} />
      <ul className="moderation-reports">
        {item.reports.map((report, position) => (
          <li key={position}>
            {t('wsModeration.item.report', { reason: reasonWords(i18n, report.reason), date: i18n.date(report.at) })}
            {report.note && (
              <>
                {' '}
                <q>{report.note}</q>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="inline-actions">
        <a href={href(`/workspace/${municipalityCode}/moderation/threads/${post.threadDocumentId}`)}>
          <Message id={threadLocked ? 'wsModeration.item.unlockThread' : 'wsModeration.item.lockThread'} values={{ thread }} />
        </a>{' '}
        <a href={href(`/workspace/${municipalityCode}/moderation/posts/${post.documentId}/suspend`)}>{t('wsModeration.item.suspendAuthor', { member: post.authorName })}</a>
      </p>
    </li>
  );
};

const SuspensionTable = ({ municipality, suspensions }: { municipality: WorkspaceMunicipality; suspensions: readonly ActiveSuspension[] }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  if (suspensions.length === 0) return <p>{t('wsModeration.suspensions.none')}</p>;
  return (
    <TableRegion caption={t('wsModeration.suspensions.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('wsModeration.suspensions.member')}</th>
          <th scope="col">{t('wsModeration.suspensions.forum')}</th>
          <th scope="col">{t('wsModeration.suspensions.until')}</th>
          <th scope="col">{t('wsModeration.suspensions.reason')}</th>
          <th scope="col">{t('wsModeration.suspensions.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {suspensions.map((suspension) => (
          <tr key={`${suspension.forumDocumentId}/${suspension.userId}`}>
            <td>{suspension.username}</td>
            <td>
              <UserText language={writtenIn({ language: suspension.forumLanguage }, municipality)}>{suspension.forumTitle}</UserText>
            </td>
            <td>{i18n.date(suspension.until)}</td>
            <td>{reasonWords(i18n, suspension.reason)}</td>
            <td>
              <a href={href(`/workspace/${municipality.code}/moderation/forums/${suspension.forumDocumentId}/suspensions/${suspension.userId}/lift`)}>
                {t('wsModeration.suspensions.lift', { member: suspension.username })}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
};

/**
 * The moderation queue: reported and automatically hidden posts with their reports' reasons (never the
 * reporters), one form to hide or restore any number of them with a reason, links to lock a thread or
 * suspend an author, the members suspended now, and the public record of what the moderators did.
 */
export const ModerationQueuePage = ({
  municipality,
  queue,
  lockedThreads,
  suspensions,
  values,
  errors,
  done,
}: {
  municipality: WorkspaceMunicipality;
  queue: readonly ModerationQueueItem[];
  lockedThreads: readonly string[];
  suspensions: readonly ActiveSuspension[];
  values: PostActionValues;
  errors: FieldErrors;
  done: ModerationDone | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsModeration.title', { municipality: municipality.name })}</h1>
      <DoneNotice message={done ? (`wsModeration.done.${done}` as MessageKey) : null} />
      <p className="lead">{t('wsModeration.intro')}</p>
      <p>
        <a href={href(`/municipalities/${municipality.code}/moderation`)}>{t('wsModeration.recordLink', { municipality: municipality.name })}</a>
      </p>
      <h2>{t('wsModeration.queueHeading', { count: queue.length })}</h2>
      {queue.length === 0 ? (
        <p>{t('wsModeration.queueEmpty')}</p>
      ) : (
        <form method="post" action={href(`/workspace/${municipality.code}/moderation/posts`)} noValidate>
          <CsrfField />
          <div className={errors.postIds ? 'field field--error' : 'field'}>
            <fieldset aria-describedby={describedBy('postIds', t('wsModeration.postIdsHint'), errors.postIds)}>
              <legend>{t('wsModeration.postIdsLegend')}</legend>
              <HintAndError name="postIds" hint={t('wsModeration.postIdsHint')} error={errors.postIds} />
              <ol className="card-list card-list--single">
                {queue.map((item, index) => (
                  <QueueItem
                    key={item.post.documentId}
                    municipality={municipality}
                    item={item}
                    index={index}
                    checked={values.postIds.includes(item.post.documentId)}
                    threadLocked={lockedThreads.includes(item.post.threadDocumentId)}
                  />
                ))}
              </ol>
            </fieldset>
          </div>
          <Choices
            name="action"
            type="radio"
            legend={t('wsModeration.actionLegend')}
            error={errors.action}
            checked={values.action ? [values.action] : []}
            options={[
              { value: 'hide', label: t('wsModeration.action.hide') },
              { value: 'restore', label: t('wsModeration.action.restore') },
            ]}
          />
          <ModeratorReasonField value={values.reason} error={errors.reason} />
          <ModerationNoteField value={values.note} error={errors.note} />
          <button type="submit" className="button">
            {t('wsModeration.apply')}
          </button>
        </form>
      )}
      <h2>{t('wsModeration.suspensions.heading')}</h2>
      <SuspensionTable municipality={municipality} suspensions={suspensions} />
    </>
  );
};
