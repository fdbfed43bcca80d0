import type { Consultation, ConsultationSummary, InputChannel } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { INPUT_CHANNELS } from '../../../server/src/domain/consultations/input-channels';
import type { MessageKey } from '../i18n/translator';
import type { PortalLanguage } from '../i18n/languages';
import { usePortal } from '../components/portal-context';
import { MeetingList } from '../components/MeetingList';
import { ParticipationTables } from '../components/ParticipationTables';
import { PublishedCount } from '../components/PublishedCount';
import { TableRegion } from '../components/TableRegion';
import { UserText, writtenIn } from '../components/UserText';

/** What was heard and what was done with it: the published summary, as frozen when it was published. */
const WhatWasHeard = ({ summary, language }: { summary: ConsultationSummary; language: PortalLanguage }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="card__meta">{t('consultation.summaryPublished', { date: i18n.date(summary.publishedAt) })}</p>
      <h3>{t('consultation.themes')}</h3>
      {summary.themes.map((theme, index) => (
        <section key={index} aria-labelledby={`theme-${index}`} className="theme">
          <h4 id={`theme-${index}`}>
            <UserText language={language}>{theme.title}</UserText>
          </h4>
          <UserText as="p" className="prose" language={language}>
            {theme.description}
          </UserText>
        </section>
      ))}
      <h3>{t('consultation.byChannel')}</h3>
      <TableRegion caption={t('consultation.byChannelCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('consultation.channel')}</th>
            <th scope="col" className="numeric">{t('consultation.inputs')}</th>
          </tr>
        </thead>
        <tbody>
          {INPUT_CHANNELS.map((channel: InputChannel) => (
            <tr key={channel}>
              <th scope="row">{t(`consultation.channel.${channel}` as MessageKey)}</th>
              <td className="numeric"><PublishedCount count={summary.inputsByChannel[channel]} /></td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <h3>{t('consultation.whoTookPart')}</h3>
      <ParticipationTables statistics={summary.participation} />
      <h3>{t('consultation.whatWasDone')}</h3>
      {summary.proposals.length === 0 && summary.commitments.length === 0 && <p>{t('consultation.nothingDoneYet')}</p>}
      {summary.proposals.length > 0 && (
        <>
          <p>{t('consultation.ledToProposals')}</p>
          <ul>
            {summary.proposals.map((proposal) => (
              <li key={proposal.documentId}>
                <a href={href(`/proposals/${proposal.documentId}`)}>{proposal.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.commitments.length > 0 && (
        <>
          <p>{t('consultation.ledToCommitments')}</p>
          <ul>
            {summary.commitments.map((commitment) => (
              <li key={commitment.documentId}>
                <UserText language={language}>{commitment.text}</UserText>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
};

/**
 * A consultation: its questions and the material it gives, how to answer while it is open (or change an
 * answer), its meetings and discussion, and once published what was heard and what was done with it.
 */
export const ConsultationPage = ({
  consultation,
  municipality,
  open,
  answered,
  done,
}: {
  consultation: Consultation;
  municipality: Municipality;
  open: boolean;
  answered: boolean;
  done?: 'answered' | 'changed';
}) => {
  const { i18n, href, user } = usePortal();
  const { t } = i18n;
  const answerPath = `/consultations/${consultation.documentId}/answer`;
  const language = writtenIn(consultation, municipality);
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}/consultations`)}>{t('consultations.title', { municipality: municipality.name })}</a>
      </p>
      {done && (
        <div className="notice notice--success" role="status">
          <p>{t(`consultation.done.${done}` as MessageKey)}</p>
        </div>
      )}
      <h1>
        <UserText language={language}>{consultation.topic}</UserText>
      </h1>
      <p className="status-line">
        <strong>{t(`consultation.status.${consultation.status}` as MessageKey)}</strong> ·{' '}
        {t('consultation.dates', { opens: i18n.date(consultation.opensAt), closes: i18n.date(consultation.closesAt) })}
      </p>
      {consultation.description && (
        <UserText as="p" className="lead prose" language={language}>
          {consultation.description}
        </UserText>
      )}
      {consultation.targetGroups.length > 0 && (
        <p>
          {t('consultation.especially')} {consultation.targetGroups.map((group) => t(`targetGroup.${group}` as MessageKey)).join(', ')}
        </p>
      )}

      <h2>{t('consultation.questions')}</h2>
      <ol>
        {consultation.questions.map((question) => (
          <li key={question.id}>
            <UserText language={language}>{question.text}</UserText>
          </li>
        ))}
      </ol>
      {open ? (
        <p>
          {user ? (
            <a className="button" href={href(answerPath)}>
              {t(answered ? 'consultation.changeAnswer' : 'consultation.answer')}
            </a>
          ) : (
            <a href={href(`/sign-in?returnTo=${encodeURIComponent(answerPath)}`)}>{t('consultation.signInToAnswer')}</a>
          )}
        </p>
      ) : (
        <p>{t(consultation.status === 'draft' ? 'consultation.notOpenYet' : 'consultation.closed')}</p>
      )}
      {open && <p className="hint">{t('consultation.otherWays')}</p>}

      {consultation.meetings.length > 0 && (
        <>
          <h2>{t('consultation.meetings')}</h2>
          <MeetingList meetings={consultation.meetings} municipality={municipality} />
        </>
      )}
      {consultation.forums.length > 0 && (
        <>
          <h2>{t('consultation.forums')}</h2>
          <ul>
            {consultation.forums.map((forum) => (
              <li key={forum.documentId}>
                <UserText language={writtenIn(forum, municipality)}>{forum.title}</UserText>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('consultation.whatWasHeard')}</h2>
      {consultation.summary ? <WhatWasHeard summary={consultation.summary} language={language} /> : <p>{t('consultation.summaryLater')}</p>}
    </>
  );
};
