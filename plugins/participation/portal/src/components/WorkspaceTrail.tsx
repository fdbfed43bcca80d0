import type { ReactNode } from 'react';
import type { PortalLanguage } from '../i18n/languages';
import { usePortal } from './portal-context';

export interface WorkspaceMunicipality {
  code: string;
  name: string;
  /** What its items that name no language are written in (components/UserText.tsx). */
  contentLanguage: PortalLanguage;
}

/** A screen between the municipality and this one: its name (a title people wrote is marked with its language) and path. */
export interface TrailStep {
  label: ReactNode;
  path: string;
}

/**
 * The way back from a workspace screen: the workspace, its municipality, then any screens between
 * (a round, before one of its proposals). Every workspace page starts with it.
 */
export const WorkspaceTrail = ({ municipality, steps = [] }: { municipality: WorkspaceMunicipality; steps?: readonly TrailStep[] }) => {
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
