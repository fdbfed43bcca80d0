import { GROUP_ROLES, MEMBER_KINDS, STAKEHOLDER_TYPES } from '../../../server/src/domain/dialogue-groups/members';
import type { Commitment, DialogueGroup, Meeting } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TableRegion } from '../components/TableRegion';
import { TextField } from '../components/TextField';
import { SelectField } from '../components/SelectField';
import { Choices } from '../components/Choices';
import { WsMeetingList } from '../components/WsMeetingList';

export interface MemberFormValues {
  /** The person's account, by e-mail address or username, when they have one. */
  account?: string;
  memberKind?: string;
  displayName?: string;
  organisationName?: string;
  stakeholderType?: string;
  role?: string;
  reservedSeat?: string;
}

const Members = ({ group, base }: { group: DialogueGroup; base: string }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  if (group.members.length === 0) return <p>{t('group.noMembers')}</p>;
  return (
    <TableRegion caption={t('group.members')}>
      <thead>
        <tr>
          <th scope="col">{t('wsGroups.memberName')}</th>
          <th scope="col">{t('wsGroups.stakeholderType')}</th>
          <th scope="col">{t('wsGroups.role')}</th>
          <th scope="col">{t('group.seatFor')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('wsGroups.remove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {group.members.map((member) => (
          <tr key={member.documentId}>
            <th scope="row">
              {member.displayName}
              {member.organisationName && <span className="hint"> ({member.organisationName})</span>}
            </th>
            <td>{t(`group.stakeholder.${member.stakeholderType}` as MessageKey)}</td>
            <td>{t(`group.role.${member.role}` as MessageKey)}</td>
            <td>{member.reservedSeat ? t(`targetGroup.${member.reservedSeat}` as MessageKey) : '–'}</td>
            <td>
              <form method="post" action={href(`${base}/members/${member.documentId}/remove`)} className="inline-form">
                <CsrfField />
                <button type="submit" className="link-button">
                  {t('wsGroups.remove')}
                  <span className="visually-hidden"> {member.displayName}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
};

const AddMember = ({ group, base, values, errors }: { group: DialogueGroup; base: string; values: MemberFormValues; errors: FieldErrors }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <form method="post" action={href(`${base}/members`)} noValidate>
      <CsrfField />
      <Choices
        name="memberKind"
        type="radio"
        legend={t('wsGroups.memberKind')}
        error={errors.memberKind}
        checked={[values.memberKind ?? 'organisation']}
        options={MEMBER_KINDS.map((kind) => ({ value: kind, label: t(`wsGroups.memberKind.${kind}` as MessageKey) }))}
      />
      <TextField name="account" label={t('wsGroups.account')} hint={t('wsGroups.accountHint')} value={values.account} error={errors.account} autoComplete="off" />
      <TextField name="displayName" label={t('wsGroups.memberName')} hint={t('wsGroups.memberNameHint')} value={values.displayName} error={errors.displayName} />
      <TextField name="organisationName" label={t('wsGroups.organisationName')} value={values.organisationName} error={errors.organisationName} />
      <SelectField
        name="stakeholderType"
        label={t('wsGroups.stakeholderType')}
        value={values.stakeholderType}
        error={errors.stakeholderType}
        options={[{ value: '', label: t('wsGroups.choose') }, ...STAKEHOLDER_TYPES.map((type) => ({ value: type, label: t(`group.stakeholder.${type}` as MessageKey) }))]}
      />
      <SelectField
        name="role"
        label={t('wsGroups.role')}
        value={values.role ?? 'member'}
        error={errors.role}
        options={GROUP_ROLES.map((role) => ({ value: role, label: t(`group.role.${role}` as MessageKey) }))}
      />
      <SelectField
        name="reservedSeat"
        label={t('wsGroups.reservedSeat')}
        value={values.reservedSeat}
        error={errors.reservedSeat}
        options={[
          { value: '', label: t('wsGroups.noSeat') },
          ...group.reservedSeats.map((seat) => ({ value: seat.category, label: t('wsGroups.seatOption', { group: t(`targetGroup.${seat.category}` as MessageKey), vacant: seat.vacant }) })),
        ]}
      />
      <button type="submit" className="button">
        {t('wsGroups.addMember')}
      </button>
    </form>
  );
};

/**
 * One dialogue group for its organisers: reserved seats and members (add, remove), its meetings and a
 * way to schedule one, and its register of commitments with a way to change each one's status.
 */
export const WsDialogueGroupPage = ({
  municipality,
  group,
  meetings,
  commitments,
  memberValues,
  errors,
  done,
}: {
  municipality: Municipality;
  group: DialogueGroup;
  meetings: Meeting[];
  commitments: Commitment[];
  memberValues: MemberFormValues;
  errors: FieldErrors;
  done: MessageKey | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/dialogue-groups/${group.documentId}`;
  const groupLanguage = writtenIn(group, municipality);
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsGroups.title'), path: '/dialogue-groups' }]} />
      <DoneNotice message={done} />
      <ErrorSummary errors={errors} />
      <h1>
        <UserText language={groupLanguage}>{group.name}</UserText>
      </h1>
      <p>
        <a href={href(`/dialogue-groups/${group.documentId}`)}>{t('wsConsultations.publicPage')}</a>
      </p>
      {group.description && (
        <UserText as="p" language={groupLanguage}>
          {group.description}
        </UserText>
      )}
      <p>
        <a href={href(`${base}/edit`)}>{t('wsGroups.edit')}</a>
      </p>
      <h2>{t('group.reservedSeats')}</h2>
      {group.reservedSeats.length === 0 ? (
        <p>{t('group.noReservedSeats')}</p>
      ) : (
        <ul>
          {group.reservedSeats.map((seat) => (
            <li key={seat.category}>{t('wsGroups.seatLine', { group: t(`targetGroup.${seat.category}` as MessageKey), filled: seat.filled, seats: seat.seats })}</li>
          ))}
        </ul>
      )}
      <h2>{t('group.members')}</h2>
      <Members group={group} base={base} />
      <h2 id="add-member">{t('wsGroups.addMember')}</h2>
      <AddMember group={group} base={base} values={memberValues} errors={errors} />
      <h2>{t('group.meetings')}</h2>
      <WsMeetingList municipality={municipality} meetings={meetings} newMeetingPath={`${base}/meetings/new`} />
      <h2>{t('group.register')}</h2>
      {commitments.length === 0 ? (
        <p>{t('group.registerEmpty')}</p>
      ) : (
        <ul className="card-list">
          {commitments.map((commitment) => (
            <li key={commitment.documentId} className="card">
              <a href={href(`/workspace/${municipality.code}/commitments/${commitment.documentId}`)}>
                <UserText language={groupLanguage}>{commitment.text}</UserText>
              </a>
              <p className="hint">
                {t(`commitment.kind.${commitment.kind}` as MessageKey)} · {commitment.owner} · {t(`commitment.status.${commitment.status}` as MessageKey)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
