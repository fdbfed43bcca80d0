import { usePortal } from './portal-context';
import { WorkspaceTrail, type WorkspaceMunicipality } from './WorkspaceTrail';
import { UserText, writtenIn } from './UserText';
import type { PortalLanguage } from '../i18n/languages';

/** The way back from a consultation's workspace screen: the consultations, then the consultation itself once there is one. */
export const ConsultationWorkspaceTrail = ({ municipality, consultation }: { municipality: WorkspaceMunicipality; consultation?: { documentId: string; topic: string; language: PortalLanguage | null } | null }) => {
  const { t } = usePortal().i18n;
  const steps = [{ label: t('wsConsultations.title'), path: '/consultations' }, ...(consultation ? [{ label: <UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText>, path: `/consultations/${consultation.documentId}` }] : [])];
  return <WorkspaceTrail municipality={municipality} steps={steps} />;
};
