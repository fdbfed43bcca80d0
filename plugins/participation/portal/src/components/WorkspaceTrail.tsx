import { usePortal } from './portal-context';

export interface WorkspaceMunicipality {
  code: string;
  name: string;
}

/**
 * The way back from a workspace screen: the workspace, its municipality, then any screens between
 * (a round, before one of its proposals). Every workspace page starts with it.
 */
export const WorkspaceTrail = ({ municipality, steps = [] }: { municipality: WorkspaceMunicipality; steps?: Array<{ label: string; path: string }> }) => {
  const { i18n, href } = usePortal();
  const base = `/workspace/${municipality.code}`;
  const links = [
    { label: i18n.t('workspace.title'), to: '/workspace' },
    { label: municipality.name, to: base },
    ...steps.map((step) => ({ label: step.label, to: `${base}${step.path}` })),
  ];
  return (
    <nav aria-label={i18n.t('workspace.trail')} className="breadcrumb">
      <ol className="workspace-trail">
        {links.map((link) => (
          <li key={link.to}>
            <a href={href(link.to)}>{link.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
};
