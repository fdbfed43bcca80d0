import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { DoneNotice } from '../components/DoneNotice';
import { LinesLeft } from '../components/LinesLeft';
import { TableRegion } from '../components/TableRegion';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import type { QueueRound } from '../workspace/review-queue';

/**
 * Staff's review queue: each round in review with its proposals waiting, their budget lines and what
 * those have left; then the proposals being carried out, which can be marked completed at 100 %.
 */
export const ReviewQueuePage = ({
  municipality,
  review,
  completion,
  done,
}: {
  municipality: Municipality;
  review: QueueRound[];
  completion: Array<{ proposal: Proposal; progressPercent: number }>;
  done?: MessageKey;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}`;
  const titleOf = (item: { title: string; language: Proposal['language'] }) => <UserText language={writtenIn(item, municipality)}>{item.title}</UserText>;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsReview.title')}</h1>
      <DoneNotice message={done} />
      <p className="lead">{t('wsReview.lead')}</p>
      {review.length === 0 && <p>{t('wsReview.empty')}</p>}
      {review.map(({ round, proposals }) => (
        <section key={round.documentId} aria-labelledby={`round-${round.documentId}`}>
          <h2 id={`round-${round.documentId}`}>{titleOf(round)}</h2>
          <TableRegion caption={t('wsReview.waiting', { count: proposals.length })}>
            <thead>
              <tr>
                <th scope="col">{t('wsReview.proposal')}</th>
                <th scope="col">{t('wsReview.requested')}</th>
                <th scope="col">{t('wsReview.lines')}</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map(({ proposal, lines }) => (
                <tr key={proposal.documentId}>
                  <th scope="row">
                    <a href={href(`${base}/review/${proposal.documentId}`)}>
                      <Message id="wsReview.reviewLink" values={{ title: titleOf(proposal) }} />
                    </a>
                  </th>
                  <td>{i18n.money(proposal.requestedAmount, municipality.currency)}</td>
                  <td>
                    <LinesLeft lines={lines} municipality={municipality} />
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </section>
      ))}
      <h2>{t('wsReview.completionTitle')}</h2>
      {completion.length === 0 ? (
        <p>{t('wsReview.completionEmpty')}</p>
      ) : (
        <ul className="card-list">
          {completion.map(({ proposal, progressPercent }) => (
            <li key={proposal.documentId} className="card">
              <p>
                <strong>{titleOf(proposal)}</strong> – {t('wsReview.progress', { share: i18n.percent(progressPercent / 100) })}
              </p>
              {progressPercent >= 100 ? (
                <a href={href(`${base}/review/${proposal.documentId}`)}>
                  <Message id="wsReview.completeLink" values={{ title: titleOf(proposal) }} />
                </a>
              ) : (
                <a href={href(`${base}/implementation/${proposal.documentId}`)}>
                  <Message id="wsReview.progressFirst" values={{ title: titleOf(proposal) }} />
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
