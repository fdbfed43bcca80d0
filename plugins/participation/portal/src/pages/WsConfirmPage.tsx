import type { ReactNode } from 'react';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { WorkspaceTrail, type TrailStep } from '../components/WorkspaceTrail';
import { ConfirmForm, type ConfirmRow } from '../components/ConfirmForm';

/**
 * The check before an act of the community workspaces that cannot be taken back (closing a
 * consultation, publishing its summary or a meeting's minutes): what will happen, one button, a way back.
 */
export const WsConfirmPage = ({
  municipality,
  trail,
  title,
  rows,
  warning,
  action,
  hidden,
  submitLabel,
  backHref,
  backLabel,
}: {
  municipality: Municipality;
  trail: readonly TrailStep[];
  /** A title people wrote in it is marked with its language. */
  title: ReactNode;
  rows: ConfirmRow[];
  warning: string;
  action: string;
  hidden?: Record<string, string | readonly string[]>;
  submitLabel: string;
  backHref: string;
  backLabel: string;
}) => (
  <>
    <WorkspaceTrail municipality={municipality} steps={trail} />
    <h1>{title}</h1>
    <ConfirmForm rows={rows} warning={warning} action={action} hidden={hidden} submitLabel={submitLabel} backHref={backHref} backLabel={backLabel} />
  </>
);
