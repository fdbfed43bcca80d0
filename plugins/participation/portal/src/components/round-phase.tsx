import type { Round, RoundPhase } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

export const PHASE_MESSAGES: Record<RoundPhase, MessageKey> = {
  draft: 'phase.draft',
  proposals: 'phase.proposals',
  review: 'phase.review',
  voting: 'phase.voting',
  counting: 'phase.counting',
  results: 'phase.results',
  implementation: 'phase.implementation',
  closed: 'phase.closed',
};

export const PhaseName = ({ phase }: { phase: RoundPhase }) => <>{usePortal().i18n.t(PHASE_MESSAGES[phase])}</>;

/** When what a person can do now ends: submitting proposals, or voting. */
export const closingDateOf = (round: Round): string | undefined =>
  round.phase === 'proposals' ? round.schedule.proposalsClose : round.phase === 'voting' ? round.schedule.votingClose : undefined;
