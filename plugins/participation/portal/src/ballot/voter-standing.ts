import type { Round } from '../../../shared/contracts/rounds';
import { getService } from '../../../server/src/utils/get-service';
import type { PortalContext } from '../http/portal-route';

/** Where the reader stands with a round that is voting, decided by the ballot service as casting decides it. */
export type VoterStanding =
  | { kind: 'anonymous' }
  | { kind: 'ineligible'; field: string }
  | { kind: 'voted'; at: Date }
  | { kind: 'may-vote' };

/** Null when the round is not voting. */
export const voterStanding = async (context: PortalContext, round: Round): Promise<VoterStanding | null> => {
  if (round.phase !== 'voting') return null;
  if (!context.user) return { kind: 'anonymous' };
  const ballots = getService(context.strapi, 'ballot');
  const eligibility = await ballots.eligibilityOf(round.documentId, context.user.id);
  if (!eligibility.eligible) return { kind: 'ineligible', field: eligibility.field };
  const at = await ballots.lastCastBy(round.documentId, context.user.id);
  return at ? { kind: 'voted', at } : { kind: 'may-vote' };
};
