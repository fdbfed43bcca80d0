import { usePortal } from './portal-context';
import { WorkspaceTrail, type WorkspaceMunicipality } from './WorkspaceTrail';

/** The way back from a round's workspace screen: the rounds, then the round itself once there is one. */
export const RoundWorkspaceTrail = ({ municipality, round }: { municipality: WorkspaceMunicipality; round?: { documentId: string; title: string } | null }) => {
  const { t } = usePortal().i18n;
  const steps = [{ label: t('wsRounds.title'), path: '/rounds' }, ...(round ? [{ label: round.title, path: `/rounds/${round.documentId}` }] : [])];
  return <WorkspaceTrail municipality={municipality} steps={steps} />;
};
