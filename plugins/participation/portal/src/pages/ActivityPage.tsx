import type { ReactNode } from 'react';
import { usePortal } from '../components/portal-context';
import { BackToAccount } from '../components/BackToAccount';
import type { MessageKey } from '../i18n/translator';

interface Titled {
  documentId: string;
  title: string;
}

export interface Activity {
  proposals: Array<Titled & { status: string }>;
  votes: Array<Titled & { castAt: Date }>;
  posts: Array<Titled & { position: number; createdAt: Date }>;
  follows: { threads: Titled[]; rounds: Titled[] };
  registrations: Array<Titled & { startsAt: Date }>;
  answers: Titled[];
}

/** One heading and its list, or "nothing yet". */
const Section = ({ id, heading, items }: { id: string; heading: MessageKey; items: ReactNode[] }) => {
  const { t } = usePortal().i18n;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(heading)}</h2>
      {items.length ? <ul>{items}</ul> : <p>{t('activity.none')}</p>}
    </section>
  );
};

/** What the person has done on the platform, each linking to its page. */
export const ActivityPage = ({ activity }: { activity: Activity }) => {
  const { i18n, href } = usePortal();
  const { t, date } = i18n;
  return (
    <>
      <BackToAccount />
      <h1>{t('activity.title')}</h1>
      <Section
        id="activity-proposals"
        heading="activity.proposals"
        items={activity.proposals.map((p) => (
          <li key={p.documentId}>
            <a href={href(`/proposals/${p.documentId}`)}>{p.title}</a> · {t(`status.${p.status}` as MessageKey)}
          </li>
        ))}
      />
      <Section
        id="activity-ballots"
        heading="activity.ballots"
        items={activity.votes.map((v) => (
          <li key={v.documentId}>
            <a href={href(`/rounds/${v.documentId}`)}>{t('activity.ballotIn', { title: v.title })}</a> · <time dateTime={v.castAt.toISOString()}>{date(v.castAt)}</time> ·{' '}
            <a href={href(`/rounds/${v.documentId}/receipt-check`)}>{t('activity.checkReceipt')}</a>
          </li>
        ))}
      />
      {activity.votes.length > 0 && <p className="hint">{t('activity.receiptNote')}</p>}
      <Section
        id="activity-posts"
        heading="activity.posts"
        items={activity.posts.map((p) => (
          <li key={`${p.documentId}-${p.position}`}>
            <a href={href(`/threads/${p.documentId}?page=${Math.ceil(p.position / 25)}#post-${p.position}`)}>{t('activity.postIn', { title: p.title })}</a> ·{' '}
            <time dateTime={p.createdAt.toISOString()}>{date(p.createdAt)}</time>
          </li>
        ))}
      />
      <Section
        id="activity-follows"
        heading="activity.follows"
        items={[
          ...activity.follows.threads.map((f) => (
            <li key={`thread-${f.documentId}`}>
              <a href={href(`/threads/${f.documentId}`)}>{f.title}</a>
            </li>
          )),
          ...activity.follows.rounds.map((f) => (
            <li key={`round-${f.documentId}`}>
              <a href={href(`/rounds/${f.documentId}`)}>{f.title}</a> · <a href={href(`/rounds/${f.documentId}/follow`)}>{t('roundFollow.change')}</a>
            </li>
          )),
        ]}
      />
      <Section
        id="activity-registrations"
        heading="activity.registrations"
        items={activity.registrations.map((r) => (
          <li key={r.documentId}>
            <a href={href(`/meetings/${r.documentId}`)}>{r.title}</a> · <time dateTime={r.startsAt.toISOString()}>{date(r.startsAt)}</time>
          </li>
        ))}
      />
      <Section
        id="activity-answers"
        heading="activity.answers"
        items={activity.answers.map((a) => (
          <li key={a.documentId}>
            <a href={href(`/consultations/${a.documentId}`)}>{a.title}</a>
          </li>
        ))}
      />
    </>
  );
};
