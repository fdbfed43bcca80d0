import type { Actor, ContentApiAction } from '../../../server/src/domain/access/rules';
import { decideAccess } from '../../../server/src/domain/access/rules';

/**
 * The workspace's tools for staff, moderators and CSO facilitators. Each lives under
 * `/workspace/:municipalityCode<path>` and is offered to whoever the access table allows its `action`
 * in that municipality: the list shows exactly what the routes behind it would let the person do.
 */
export interface WorkspaceTool {
  /** Message key stem: `workspace.tool.<key>.title` and `.help`. */
  key: string;
  path: string;
  action: ContentApiAction;
}

export const WORKSPACE_TOOLS: readonly WorkspaceTool[] = [
  { key: 'rounds', path: '/rounds', action: 'round.create' },
  { key: 'review', path: '/review', action: 'proposal.review' },
  { key: 'decisions', path: '/decisions', action: 'decision.publish' },
  { key: 'implementation', path: '/implementation', action: 'implementation.update' },
  { key: 'budgetLines', path: '/budget-lines', action: 'budget-line.create' },
  { key: 'participants', path: '/participants', action: 'participant.verify' },
  { key: 'moderation', path: '/moderation', action: 'moderation.queue' },
  { key: 'ballotDesk', path: '/ballot-desk', action: 'ballot.castAssisted' },
  { key: 'consultations', path: '/consultations', action: 'consultation.create' },
  { key: 'dialogueGroups', path: '/dialogue-groups', action: 'dialogue-group.create' },
];

export const toolsFor = (actor: Actor | null, municipalityCode: string): WorkspaceTool[] =>
  WORKSPACE_TOOLS.filter((tool) => decideAccess(tool.action, actor, municipalityCode).allowed);

/** Whether the person has a workspace at all: a scoped role assigned to at least one municipality. */
export const hasWorkspace = (actor: Actor | null): boolean =>
  Boolean(actor && actor.municipalityCodes.some((code) => toolsFor(actor, code).length > 0));
