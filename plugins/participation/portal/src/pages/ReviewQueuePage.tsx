import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { DoneNotice } from '../components/DoneNotice';
import { LinesLeft } from '../components/LinesLeft';
import { TableRegion } from '../components/TableRegion';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
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
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsReview.title')}</h1>
      <DoneNotice message={done} />
      <p className="lead">{t('wsReview.lead')}</p>
      {review.length === 0 && <p>{t('wsReview.empty')}</p>}
      {review.map(({ round, proposals }) => (
        <section key={round.documentId} aria-labelledby={`round-${round.documentId}`}>
          <h2 id={`round-${round.documentId}`}>{round.title}</h2>
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
                    <a href={href(`${base}/review/${proposal.documentId}`)}>{t('wsReview.reviewLink', { title: proposal.title })}</a>
                  </th>
                  <td>{i18n.money(proposal.requestedAmount, municipality.currency)}</td>
                  <td>
                    <LinesLeft lines={lines} currency={municipality.currency} />
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
                <strong>{proposal.title}</strong> – {t('wsReview.progress', { share: i18n.percent(progressPercent / 100) })}
              </p>
              {progressPercent >= 100 ? (
                <a href={href(`${base}/review/${proposal.documentId}`)}>{t('wsReview.completeLink', { title: proposal.title })}</a>
              ) : (
                <a href={href(`${base}/implementation/${proposal.documentId}`)}>{t('wsReview.progressFirst', { title: proposal.title })}</a>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
