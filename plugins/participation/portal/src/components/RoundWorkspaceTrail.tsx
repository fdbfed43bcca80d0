import { usePortal } from './portal-context';
import { WorkspaceTrail, type WorkspaceMunicipality } from './WorkspaceTrail';
import { UserText, writtenIn } from './UserText';
import type { PortalLanguage } from '../i18n/languages';

/** The way back from a round's workspace screen: the rounds, then the round itself once there is one. */
export const RoundWorkspaceTrail = ({ municipality, round }: { municipality: WorkspaceMunicipality; round?: { documentId: string; title: string; language: PortalLanguage | null } | null }) => {
  const { t } = usePortal().i18n;
  const steps = [{ label: t('wsRounds.title'), path: '/rounds' }, ...(round ? [{ label: <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>, path: `/rounds/${round.documentId}` }] : [])];
  return <WorkspaceTrail municipality={municipality} steps={steps} />;
};
