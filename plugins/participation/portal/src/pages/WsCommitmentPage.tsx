import { COMMITMENT_STATUSES } from '../../../server/src/domain/dialogue-groups/commitments';
import type { Commitment, DialogueGroup } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { Choices } from '../components/Choices';

export interface CommitmentFormValues {
  status?: string;
  statusNote?: string;
}

/** One commitment or recommendation of a group's register: its history, a status change, and for a recommendation the way to a proposal. */
export const WsCommitmentPage = ({
  municipality,
  group,
  commitment,
  values,
  errors,
  done,
}: {
  municipality: Municipality;
  group: DialogueGroup;
  commitment: Commitment;
  values: CommitmentFormValues;
  errors: FieldErrors;
  done: MessageKey | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/commitments/${commitment.documentId}`;
  return (
    <>
      <WorkspaceTrail
        municipality={municipality}
        steps={[
          { label: t('wsGroups.title'), path: '/dialogue-groups' },
          { label: <UserText language={writtenIn(group, municipality)}>{group.name}</UserText>, path: `/dialogue-groups/${group.documentId}` },
        ]}
      />
      <DoneNotice message={done} />
      <ErrorSummary errors={errors} />
      <h1>{t(`commitment.kind.${commitment.kind}` as MessageKey)}</h1>
      <UserText as="p" className="lead" language={writtenIn(group, municipality)}>
        {commitment.text}
      </UserText>
      <dl className="facts">
        <div>
          <dt>{t('wsGroups.commitmentOwner')}</dt>
          <dd>{commitment.owner}</dd>
        </div>
        {commitment.dueDate && (
          <div>
            <dt>{t('wsGroups.commitmentDue')}</dt>
            <dd>{i18n.date(commitment.dueDate)}</dd>
          </div>
        )}
        <div>
          <dt>{t('wsConsultations.status')}</dt>
          <dd>{t(`commitment.status.${commitment.status}` as MessageKey)}</dd>
        </div>
      </dl>
      <h2>{t('wsGroups.history')}</h2>
      <ol>
        {commitment.history.map((step, index) => (
          <li key={index}>
            {i18n.date(step.at)}: {t(`commitment.status.${step.to}` as MessageKey)}
            {step.note && <> – {step.note}</>}
          </li>
        ))}
      </ol>
      {commitment.kind === 'recommendation' &&
        (commitment.proposalDocumentId ? (
          <p>
            <a href={href(`/proposals/${commitment.proposalDocumentId}`)}>{t('wsGroups.seeProposal')}</a>
          </p>
        ) : (
          <p>
            <a href={href(`${base}/proposal`)}>{t('wsGroups.toProposal')}</a>
          </p>
        ))}
      <h2>{t('wsGroups.changeStatus')}</h2>
      <form method="post" action={href(base)} noValidate>
        <CsrfField />
        <Choices
          name="status"
          type="radio"
          legend={t('wsConsultations.status')}
          error={errors.status}
          checked={[values.status ?? commitment.status]}
          options={COMMITMENT_STATUSES.map((status) => ({ value: status, label: t(`commitment.status.${status}` as MessageKey) }))}
        />
        <TextField name="statusNote" label={t('wsGroups.statusNote')} hint={t('wsGroups.statusNoteHint')} value={values.statusNote ?? commitment.statusNote ?? ''} error={errors.statusNote} />
        <button type="submit" className="button">
          {t('wsGroups.saveStatus')}
        </button>
      </form>
    </>
  );
};
