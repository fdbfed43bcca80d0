/**
 * A budgeting round moves through its phases by explicit actions, each allowed from one phase only.
 * draft → proposals → review → voting → counting → results → implementation → closed
 */
export const ROUND_PHASES = ['draft', 'proposals', 'review', 'voting', 'counting', 'results', 'implementation', 'closed'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

export const PHASE_ACTION_NAMES = ['open-proposals', 'start-review', 'open-voting', 'close-voting', 'publish-results', 'start-implementation', 'close'] as const;
export type PhaseAction = (typeof PHASE_ACTION_NAMES)[number];

export const PHASE_ACTIONS = {
  'open-proposals': { from: 'draft', to: 'proposals' },
  'start-review': { from: 'proposals', to: 'review' },
  'open-voting': { from: 'review', to: 'voting' },
  'close-voting': { from: 'voting', to: 'counting' },
  'publish-results': { from: 'counting', to: 'results' },
  'start-implementation': { from: 'results', to: 'implementation' },
  close: { from: 'implementation', to: 'closed' },
} as const satisfies Record<PhaseAction, { from: RoundPhase; to: RoundPhase }>;
/** Every move the phase machine allows; the database refuses any other (participation_rounds_phase_machine). */
export const PHASE_MOVES: ReadonlyArray<{ from: RoundPhase; to: RoundPhase }> = Object.values(PHASE_ACTIONS);

export type TransitionCheck = { ok: true; to: RoundPhase } | { ok: false; message: string };

export const checkTransition = (current: RoundPhase, action: PhaseAction): TransitionCheck => {
  const { from, to } = PHASE_ACTIONS[action];
  if (current !== from) return { ok: false, message: `"${action}" needs the round in phase ${from}; it is in ${current}` };
  return { ok: true, to };
};

/** Ballot rules, eligibility, budget and districts freeze when voting opens. */
export const rulesAreFrozen = (phase: RoundPhase) => ROUND_PHASES.indexOf(phase) >= ROUND_PHASES.indexOf('voting');
