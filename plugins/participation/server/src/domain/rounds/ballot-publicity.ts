/**
 * When a round's ballot set is public: from the moment voting closes. The closing transaction seals the
 * set (voter keys dropped, rows shuffled, every later write refused), so the set a voter checks a receipt
 * against during counting is the set anyone downloads as a `.pb` file and recounts; publishing it before
 * the results lets observers count alongside the staff, and no ballot is shown while it can still change
 * or be tied to its voter. One rule for the receipt check and the ballots file (docs/rounds.md).
 * The count's outcome is the municipality's to announce: it is public from the results phase, and until
 * then the ballots file carries no `selected` column.
 */
import { ROUND_PHASES, type RoundPhase } from './phases';

export const BALLOT_SET_PUBLIC_FROM = 'counting' satisfies RoundPhase;

export const ballotSetIsPublic = (phase: RoundPhase) => ROUND_PHASES.indexOf(phase) >= ROUND_PHASES.indexOf(BALLOT_SET_PUBLIC_FROM);

export const RESULT_PUBLIC_FROM = 'results' satisfies RoundPhase;

export const resultIsPublic = (phase: RoundPhase) => ROUND_PHASES.indexOf(phase) >= ROUND_PHASES.indexOf(RESULT_PUBLIC_FROM);
