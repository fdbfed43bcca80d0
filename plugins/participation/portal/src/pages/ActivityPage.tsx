import type { ReactNode } from 'react';
import { usePortal } from '../components/portal-context';
import { BackToAccount } from '../components/BackToAccount';
import type { MessageKey } from '../i18n/translator';
import type { LanguageOfItem } from '../i18n/content-language';
import type { PortalLanguage } from '../i18n/languages';
import { UserText } from '../components/UserText';
import { Message } from '../components/Message';

interface Titled {
  documentId: string;
  title: string;
  language: PortalLanguage | null;
  municipalityCode: string;
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
export const ActivityPage = ({ activity, languageOf }: { activity: Activity; languageOf: LanguageOfItem }) => {
  const { i18n, href } = usePortal();
  const { t, date } = i18n;
  const title = (item: Titled) => <UserText language={languageOf(item)}>{item.title}</UserText>;
  return (
    <>
      <BackToAccount />
      <h1>{t('activity.title')}</h1>
      <Section
        id="activity-proposals"
        heading="activity.proposals"
        items={activity.proposals.map((p) => (
          <li key={p.documentId}>
            <a href={href(`/proposals/${p.documentId}`)}>{title(p)}</a> · {t(`status.${p.status}` as MessageKey)}
          </li>
        ))}
      />
      <Section
        id="activity-ballots"
        heading="activity.ballots"
        items={activity.votes.map((v) => (
          <li key={v.documentId}>
            <a href={href(`/rounds/${v.documentId}`)}>
              <Message id="activity.ballotIn" values={{ title: title(v) }} />
            </a> · <time dateTime={v.castAt.toISOString()}>{date(v.castAt)}</time> ·{' '}
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
            <a href={href(`/threads/${p.documentId}?page=${Math.ceil(p.position / 25)}#post-${p.position}`)}>
              <Message id="activity.postIn" values={{ title: title(p) }} />
            </a> ·{' '}
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
              <a href={href(`/threads/${f.documentId}`)}>{title(f)}</a>
            </li>
          )),
          ...activity.follows.rounds.map((f) => (
            <li key={`round-${f.documentId}`}>
              <a href={href(`/rounds/${f.documentId}`)}>{title(f)}</a> · <a href={href(`/rounds/${f.documentId}/follow`)}>{t('roundFollow.change')}</a>
            </li>
          )),
        ]}
      />
      <Section
        id="activity-registrations"
        heading="activity.registrations"
        items={activity.registrations.map((r) => (
          <li key={r.documentId}>
            <a href={href(`/meetings/${r.documentId}`)}>{title(r)}</a> · <time dateTime={r.startsAt.toISOString()}>{date(r.startsAt)}</time>
          </li>
        ))}
      />
      <Section
        id="activity-answers"
        heading="activity.answers"
        items={activity.answers.map((a) => (
          <li key={a.documentId}>
            <a href={href(`/consultations/${a.documentId}`)}>{title(a)}</a>
          </li>
        ))}
      />
    </>
  );
};
