import type { Core } from '@strapi/strapi';
import { PHASE_ACTIONS, PHASE_ACTION_NAMES, type PhaseAction, type RoundPhase } from '../../../server/src/domain/rounds/phases';
import type { ProposalStatus, Round, RoundResult } from '../../../shared/contracts/rounds';
import type { MessageKey, MessageValues } from '../i18n/translator';
import { readJson } from '../../../server/src/utils/json-column';
import { getService } from '../../../server/src/utils/get-service';

/** A message with its values: something the page says in the reader's language. */
export interface Said {
  key: MessageKey;
  values?: MessageValues;
}

/** The one move the phase machine allows from where the round is, what it will do and what stands in its way. */
export interface NextStep {
  action: PhaseAction;
  to: RoundPhase;
  effects: Said[];
  /** Empty when the step can be taken now; else what the service would refuse it for. */
  blockers: Said[];
}

export const actionFrom = (phase: RoundPhase): PhaseAction | undefined => PHASE_ACTION_NAMES.find((action) => PHASE_ACTIONS[action].from === phase);

/** The counted result stored in the counting phase: not public yet, so the round's own answer leaves it out. */
export const storedResult = async (strapi: Core.Strapi, roundDocumentId: string): Promise<RoundResult | null> =>
  readJson<RoundResult | null>((await getService(strapi, 'round').findRow(roundDocumentId)).result, null);

/**
 * The same checks the round and proposal services make when the step is taken (services/proposal.ts
 * `applyPhaseChange`), read ahead so that the button says why it cannot be pressed yet; the service
 * still decides, under its row lock.
 */
export const nextStepOf = async (strapi: Core.Strapi, round: Round): Promise<NextStep | null> => {
  const action = actionFrom(round.phase);
  if (!action) return null;
  const proposals = await getService(strapi, 'proposal').allOfRound(round.documentId);
  const count = (status: ProposalStatus) => proposals.filter((proposal) => proposal.status === status).length;
  const effects: Said[] = [];
  const blockers: Said[] = [];
  switch (action) {
    case 'open-proposals':
      effects.push({ key: 'wsRounds.effect.openProposals' });
      break;
    case 'start-review':
      effects.push({ key: 'wsRounds.effect.startReview', values: { count: count('submitted') } });
      break;
    case 'open-voting':
      effects.push({ key: 'wsRounds.effect.openVoting', values: { count: count('feasible') } }, { key: 'wsRounds.effect.freeze' });
      if (count('under_review') > 0) blockers.push({ key: 'wsRounds.blocked.underReview', values: { count: count('under_review') } });
      if (count('feasible') === 0) blockers.push({ key: 'wsRounds.blocked.noFeasible' });
      break;
    case 'close-voting':
      effects.push({ key: 'wsRounds.effect.closeVoting' });
      break;
    case 'publish-results': {
      const result = await storedResult(strapi, round.documentId);
      if (result) effects.push({ key: 'wsRounds.effect.publishResults', values: { count: new Set(result.districts.flatMap((district) => district.selected)).size } });
      else blockers.push({ key: 'wsRounds.blocked.notCounted' });
      break;
    }
    case 'start-implementation':
      effects.push({ key: 'wsRounds.effect.startImplementation', values: { count: count('selected') } });
      break;
    default:
      effects.push({ key: 'wsRounds.effect.close' });
  }
  return { action, to: PHASE_ACTIONS[action].to, effects, blockers };
};
