/**
 * A proposal's public status history:
 * submitted → (withdrawn) → under_review → feasible | infeasible → on_ballot → selected | not_selected
 * → in_implementation → completed
 */
export const PROPOSAL_STATUSES = [
  'submitted',
  'withdrawn',
  'under_review',
  'feasible',
  'infeasible',
  'on_ballot',
  'selected',
  'not_selected',
  'in_implementation',
  'completed',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

const NEXT: Record<ProposalStatus, readonly ProposalStatus[]> = {
  submitted: ['withdrawn', 'under_review'],
  withdrawn: [],
  under_review: ['feasible', 'infeasible'],
  feasible: ['on_ballot'],
  infeasible: [],
  on_ballot: ['selected', 'not_selected'],
  selected: ['in_implementation'],
  not_selected: [],
  in_implementation: ['completed'],
  completed: [],
};

/** Statuses of a proposal that went on a round's ballot: what the count reads, frozen with the round's rules. */
export const BALLOT_STATUSES: readonly ProposalStatus[] = ['on_ballot', 'selected', 'not_selected', 'in_implementation', 'completed'];

export const canMoveTo = (from: ProposalStatus, to: ProposalStatus) => NEXT[from].includes(to);

export const TARGET_GROUPS = [
  'women',
  'youth',
  'persons_with_disabilities',
  'roma_and_egyptians',
  'other_minorities',
  'elderly',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
