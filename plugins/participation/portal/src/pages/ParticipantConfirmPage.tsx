import type { Resident } from '../../../server/src/services/participant-profile';
import { usePortal } from '../components/portal-context';
import { ConfirmForm } from '../components/ConfirmForm';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';

export type VerificationStep = 'verify' | 'revoke';

/** Check before confirming someone's residence, or taking the confirmation back: who, and what it changes. */
export const ParticipantConfirmPage = ({ municipality, person, step }: { municipality: WorkspaceMunicipality; person: Resident; step: VerificationStep }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/participants`;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsParticipants.title'), path: '/participants' }]} />
      <h1>{t(step === 'verify' ? 'wsParticipants.verifyTitle' : 'wsParticipants.revokeTitle', { name: person.username })}</h1>
      <ConfirmForm
        rows={[
          { label: t('wsParticipants.name'), value: person.username },
          { label: t('wsParticipants.email'), value: person.email },
          { label: t('wsParticipants.birthDate'), value: person.birthDate ? i18n.date(person.birthDate) : t('wsParticipants.notDeclared') },
          { label: t('wsParticipants.residence'), value: person.residenceMunicipalityCode === municipality.code ? municipality.name : t('wsParticipants.livesElsewhere') },
        ]}
        action={href(`${base}/${person.userId}/${step}`)}
        submitLabel={t(step === 'verify' ? 'wsParticipants.verifyConfirm' : 'wsParticipants.revokeConfirm')}
        backHref={href(step === 'verify' ? base : `${base}?list=verified`)}
        backLabel={t('wsParticipants.back')}
        warning={t(step === 'verify' ? 'wsParticipants.verifyWarning' : 'wsParticipants.revokeWarning', { name: person.username, municipality: municipality.name })}
      />
    </>
  );
};
