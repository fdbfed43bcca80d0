/**
 * Reserved shares: "at least 30 % of the budget for projects marked gender".
 *
 * Reservations are handled one after the other, in the order given, before the main count:
 * 1. the rule is run on the marked projects not yet selected, with all the money still unspent;
 *    its picks are accepted in its order until the marked projects' total cost reaches the
 *    reserved amount (the project that crosses the line is accepted whole, so the share is met
 *    or exceeded, never cut short);
 * 2. if the rule's picks were not enough (MES may leave money), the remaining marked projects are
 *    added greedily, most votes first, skipping those that do not fit, until the amount is reached.
 * Projects already selected for an earlier reservation count towards later ones they carry.
 * Then the rule runs on all projects not yet selected with the budget that is left.
 */
import { formatScaled } from './decimal-amounts';
import { CountingError } from './counting-error';
import { exact, exactText, type Exact } from './exact';
import { greedy } from './greedy';
import { scaleAmount } from './profile';
import { spentOn, withoutProjects, type RuleContext, type RuleOutcome } from './rule-context';
import type { TraceEntry } from './trace';

export interface Reservation {
  marker: string;
  /** Minimum share of the budget, between 0 and 1, e.g. 0.3 or "0.3". */
  share: number | string;
}

export interface ReservationReport {
  marker: string;
  share: string;
  /** Reserved amount: share × budget, in currency units (exact fraction as text when not whole). */
  required: string;
  /** What the final outcome spends on projects carrying the marker. */
  spent: string;
  met: boolean;
  /** Why not met: the marked projects cost too little together, or could not fit in the budget. */
  reason?: 'not-enough-marked-projects' | 'marked-projects-do-not-fit';
}

export interface ReservedOutcome extends RuleOutcome {
  reports: ReservationReport[];
}

type RuleRunner = (context: RuleContext) => RuleOutcome;

export function countWithReservations(context: RuleContext, reservations: Reservation[], runRule: RuleRunner): ReservedOutcome {
  const { profile } = context;
  const selected: number[] = [];
  const trace: TraceEntry[] = [];
  const marked = (marker: string) => (project: number) => profile.markers[project].has(marker);
  const required = reservations.map((reservation) => requiredAmount(context, reservation));

  reservations.forEach((reservation, index) => {
    const isMarked = marked(reservation.marker);
    const markedSpent = () => spentOn(context, selected.filter(isMarked));
    const reached = () => exact(markedSpent()).compare(required[index]) >= 0;
    if (reached()) return;
    const stage = restrictTo(context, selected, isMarked);
    if (context.explain) trace.push({ type: 'stage', stage: `reservation:${reservation.marker}`, budget: formatScaled(stage.budget, profile.scale) });
    const outcome = runRule(stage);
    trace.push(...outcome.trace);
    for (const project of outcome.selectionOrder) {
      if (reached()) break;
      selected.push(project);
    }
    if (reached()) return;
    const topUp = greedy(restrictTo(context, selected, isMarked), { measure: 'cost', perCost: true });
    for (const project of topUp.selectionOrder) {
      if (reached()) break;
      selected.push(project);
    }
  });

  const main = withoutProjects(context, selected, context.budget - spentOn(context, selected));
  if (context.explain && reservations.length > 0) trace.push({ type: 'stage', stage: 'main', budget: formatScaled(main.budget, profile.scale) });
  const rest = runRule(main);
  const selectionOrder = [...selected, ...rest.selectionOrder];
  const reports = reservations.map((reservation, index) =>
    report(context, reservation, required[index], selectionOrder.filter(marked(reservation.marker))),
  );
  return { selectionOrder, trace: [...trace, ...rest.trace], reports };
}

/** The context for a reservation stage: unselected marked projects, all money not yet spent. */
function restrictTo(context: RuleContext, selected: number[], isMarked: (project: number) => boolean): RuleContext {
  const stage = withoutProjects(context, selected, context.budget - spentOn(context, selected));
  stage.available.forEach((_, project) => {
    if (!isMarked(project)) stage.available[project] = 0;
  });
  return stage;
}

function requiredAmount(context: RuleContext, reservation: Reservation): Exact {
  const share = scaleAmount(reservation.share, `share reserved for ${reservation.marker}`);
  const fraction = exact(share.mantissa, 10n ** BigInt(share.decimals));
  if (fraction.compare(0) < 0 || fraction.compare(1) > 0) {
    throw new CountingError(`the share reserved for ${reservation.marker} must be between 0 and 1`);
  }
  return fraction.mul(exact(context.budget));
}

function report(context: RuleContext, reservation: Reservation, required: Exact, markedSelected: number[]): ReservationReport {
  const { profile } = context;
  const spent = spentOn(context, markedSelected);
  const met = exact(spent).compare(required) >= 0;
  const allMarked = profile.projectIds.map((_, project) => project).filter((project) => profile.markers[project].has(reservation.marker));
  return {
    marker: reservation.marker,
    share: String(reservation.share),
    required: exactText(required.div(profile.scale.factor)),
    spent: formatScaled(spent, profile.scale),
    met,
    ...(met
      ? {}
      : {
          reason:
            exact(spentOn(context, allMarked)).compare(required) < 0
              ? ('not-enough-marked-projects' as const)
              : ('marked-projects-do-not-fit' as const),
        }),
  };
}
