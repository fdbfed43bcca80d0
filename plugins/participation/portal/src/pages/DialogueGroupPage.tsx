import type { Commitment, DialogueGroup, Meeting } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { STAKEHOLDER_TYPES } from '../../../server/src/domain/dialogue-groups/members';
import type { MessageKey } from '../i18n/translator';
import type { PortalLanguage } from '../i18n/languages';
import { usePortal } from '../components/portal-context';
import { MeetingList } from '../components/MeetingList';
import { Pagination } from '../components/Pagination';
import { TableRegion } from '../components/TableRegion';
import { UserText, writtenIn } from '../components/UserText';

/** `language`: the group's, in which its register is written; `meetingLanguage`: the meeting's title's. */
const CommitmentEntry = ({
  entry,
  meeting,
  proposalTitle,
  language,
  meetingLanguage,
}: {
  entry: Commitment;
  meeting?: Pick<Meeting, 'documentId' | 'title'>;
  proposalTitle?: string;
  language: PortalLanguage;
  meetingLanguage?: PortalLanguage;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <li className="card">
      <p className="card__meta">
        <strong>{t(`commitment.kind.${entry.kind}` as MessageKey)}</strong> · {t(`commitment.status.${entry.status}` as MessageKey)}
      </p>
      <UserText as="p" language={language}>
        {entry.text}
      </UserText>
      <dl className="facts">
        <div>
          <dt>{t(entry.kind === 'recommendation' ? 'commitment.addressedTo' : 'commitment.owner')}</dt>
          <dd>{entry.owner}</dd>
        </div>
        {entry.dueDate && (
          <div>
            <dt>{t('commitment.due')}</dt>
            <dd>{i18n.date(entry.dueDate)}</dd>
          </div>
        )}
        <div>
          <dt>{t('commitment.history')}</dt>
          <dd>
            <ol className="commitment-history">
              {entry.history.map((step, index) => (
                <li key={index}>
                  {i18n.date(step.at)}:{' '}
                  {step.from === null ? (
                    meeting ? (
                      <>
                        {t('commitment.recordedIn')}{' '}
                        <a href={href(`/meetings/${meeting.documentId}`)}>
                          <UserText language={meetingLanguage ?? language}>{meeting.title}</UserText>
                        </a>
                      </>
                    ) : (
                      t('commitment.recorded')
                    )
                  ) : (
                    t(`commitment.status.${step.to}` as MessageKey)
                  )}
                  {step.note && ` – ${step.note}`}
                </li>
              ))}
              {/* Commitments recorded before their history was kept show where they stand now. */}
              {entry.history.length === 0 && <li>{t('commitment.nowStatus', { status: t(`commitment.status.${entry.status}` as MessageKey) })}</li>}
            </ol>
          </dd>
        </div>
        {entry.kind === 'recommendation' && (
          <div>
            <dt>{t('commitment.proposal')}</dt>
            <dd>{entry.proposalDocumentId ? <a href={href(`/proposals/${entry.proposalDocumentId}`)}>{proposalTitle ?? entry.proposalDocumentId}</a> : t('commitment.noProposal')}</dd>
          </div>
        )}
      </dl>
    </li>
  );
};

/**
 * One dialogue group: who sits in it by stakeholder type and role, its reserved seats filled and vacant,
 * its meetings, and its public register of commitments and recommendations (with the proposals they became).
 */
export const DialogueGroupPage = ({
  group,
  municipality,
  meetings,
  commitments,
  proposalTitles,
  page,
  pageCount,
}: {
  group: DialogueGroup;
  municipality: Municipality;
  meetings: Meeting[];
  commitments: Commitment[];
  proposalTitles: Record<string, string>;
  page: number;
  pageCount: number;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const now = Date.now();
  const coming = meetings.filter((meeting) => meeting.status === 'scheduled' && Date.parse(meeting.endsAt ?? meeting.startsAt) >= now).reverse();
  const past = meetings.filter((meeting) => !coming.includes(meeting));
  const meetingsById = new Map(meetings.map((meeting) => [meeting.documentId, meeting]));
  const groupLanguage = writtenIn(group, municipality);
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}/dialogue-groups`)}>{t('groups.title', { municipality: municipality.name })}</a>
      </p>
      <h1>
        <UserText language={groupLanguage}>{group.name}</UserText>
      </h1>
      {group.description && (
        <UserText as="p" className="lead" language={groupLanguage}>
          {group.description}
        </UserText>
      )}

      <h2>{t('group.members')}</h2>
      {group.members.length === 0 && <p>{t('group.noMembers')}</p>}
      {STAKEHOLDER_TYPES.map((type) => {
        const members = group.members.filter((member) => member.stakeholderType === type);
        if (members.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`members-${type}`}>
            <h3 id={`members-${type}`}>{t(`group.stakeholder.${type}` as MessageKey)}</h3>
            <ul>
              {members.map((member) => (
                <li key={member.documentId}>
                  <strong>{member.displayName}</strong>
                  {member.organisationName && ` (${member.organisationName})`} – {t(`group.role.${member.role}` as MessageKey)}
                  {member.reservedSeat && ` · ${t('group.holdsSeat', { group: t(`targetGroup.${member.reservedSeat}` as MessageKey) })}`}
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      <h2>{t('group.reservedSeats')}</h2>
      {group.reservedSeats.length === 0 ? (
        <p>{t('group.noReservedSeats')}</p>
      ) : (
        <TableRegion caption={t('group.reservedSeatsCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('group.seatFor')}</th>
              <th scope="col" className="numeric">{t('group.seats')}</th>
              <th scope="col" className="numeric">{t('group.filled')}</th>
              <th scope="col" className="numeric">{t('group.vacant')}</th>
            </tr>
          </thead>
          <tbody>
            {group.reservedSeats.map((seat) => (
              <tr key={seat.category}>
                <th scope="row">{t(`targetGroup.${seat.category}` as MessageKey)}</th>
                <td className="numeric">{i18n.number(seat.seats)}</td>
                <td className="numeric">{i18n.number(seat.filled)}</td>
                <td className="numeric">{i18n.number(seat.vacant)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}

      <h2>{t('group.meetings')}</h2>
      {meetings.length === 0 && <p>{t('group.noMeetings')}</p>}
      {coming.length > 0 && (
        <section aria-labelledby="meetings-coming">
          <h3 id="meetings-coming">{t('group.meetingsComing')}</h3>
          <MeetingList meetings={coming} municipality={municipality} />
        </section>
      )}
      {past.length > 0 && (
        <section aria-labelledby="meetings-past">
          <h3 id="meetings-past">{t('group.meetingsPast')}</h3>
          <MeetingList meetings={past} municipality={municipality} />
        </section>
      )}

      <h2 id="register">{t('group.register')}</h2>
      <p>{t('group.registerIntro')}</p>
      {commitments.length === 0 ? (
        <p>{t('group.registerEmpty')}</p>
      ) : (
        <ol className="card-list card-list--single">
          {commitments.map((entry) => (
            <CommitmentEntry
              key={entry.documentId}
              entry={entry}
              meeting={meetingsById.get(entry.meetingDocumentId)}
              proposalTitle={entry.proposalDocumentId ? proposalTitles[entry.proposalDocumentId] : undefined}
              language={groupLanguage}
              meetingLanguage={meetingsById.has(entry.meetingDocumentId) ? writtenIn(meetingsById.get(entry.meetingDocumentId)!, municipality) : undefined}
            />
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(target) => href(`/dialogue-groups/${group.documentId}?page=${target}#register`)} />
    </>
  );
};
