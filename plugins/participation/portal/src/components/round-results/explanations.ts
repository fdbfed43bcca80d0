/**
 * A counted round in plain words: for each project, why it was or was not funded, from the counting
 * rule's trace (server/src/domain/counting/trace.ts); for each reserved share, whether it was met and
 * why not. Pure: the trace, the projects' costs and a translator in, sentences out.
 */
import Fraction from 'fraction.js';
import type { DistrictResult, RoundResult } from '../../../../shared/contracts/rounds';
import type { TraceEntry } from '../../../../server/src/domain/counting/trace';
import type { Translator } from '../../i18n/translator';

export interface ExplanationSettings {
  rule: RoundResult['rule'];
  /** The greedy variant's minimum support, when the round sets one. */
  minSupport?: number;
  currency: string;
}

/** A project's latest decision in the trace, and the reservation stage it was taken in, if any. */
interface Decision {
  entry: TraceEntry;
  reservedFor?: string;
}

/** The last entry naming each project (a reservation stage may pick a project the main count then decides again). */
const lastDecisions = (trace: TraceEntry[]) => {
  const decisions = new Map<string, Decision>();
  const unaffordable = new Map<string, TraceEntry & { type: 'mes-unaffordable' }>();
  let reservedFor: string | undefined;
  for (const entry of trace) {
    if (entry.type === 'stage') reservedFor = entry.stage.startsWith('reservation:') ? entry.stage.slice('reservation:'.length) : undefined;
    else if (entry.type !== 'mes-add1') decisions.set(entry.project, { entry, reservedFor });
    if (entry.type === 'mes-unaffordable') unaffordable.set(entry.project, entry);
  }
  return { decisions, unaffordable };
};

/**
 * An amount the trace gives as a float (MES and Phragmén share money unevenly), rounded down to the
 * currency's smallest unit: what supporters had left is never shown as enough when it was not.
 */
const floorTo = (currency: string) => {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (amount: number) => (Math.floor(amount * 10 ** digits) / 10 ** digits).toFixed(digits);
};

/**
 * One sentence (or two) per project of a district, by project id. `costs` are the costs the count used
 * (decimal strings in currency units).
 */
export const explainDistrict = (district: DistrictResult, costs: Record<string, string>, settings: ExplanationSettings, i18n: Translator): Map<string, string> => {
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, settings.currency);
  const floored = floorTo(settings.currency);
  const trace = district.trace as TraceEntry[];
  const { decisions, unaffordable } = lastDecisions(trace);
  const selected = new Set(district.selected);
  // The completion of MES spends the leftover greedily: its greedy entries follow the equal shares.
  const completes = settings.rule.startsWith('mes');

  const explainSelected = (id: string, cost: string, decision: Decision | undefined) => {
    const entry = decision?.entry;
    const within = decision?.reservedFor ? ` ${t('results.explain.inReservation', { marker: decision.reservedFor })}` : '';
    switch (entry?.type) {
      case 'greedy':
        if (entry.decision !== 'selected') break;
        return t(completes ? 'results.explain.completionSelected' : 'results.explain.greedySelected', { cost: money(cost), left: money(entry.remainingBudget) }) + within;
      case 'mes': {
        const gaveAll = entry.supportersPayingAllTheyHad > 0 ? ` ${t('results.explain.mesAllTheyHad', { count: entry.supportersPayingAllTheyHad })}` : '';
        return t('results.explain.mesSelected', { supporters: entry.supporters, cost: money(cost) }) + gaveAll + within;
      }
      case 'phragmen':
        return t('results.explain.phragmenSelected', { supporters: district.support[id]?.votes ?? 0, cost: money(cost), load: money(floored(entry.loadApprox)) }) + within;
      default:
    }
    // Added after the rule's own picks to meet a reserved share (the top-up is not traced).
    return t('results.explain.reservedTopUp');
  };

  const explainLeftOut = (id: string, cost: string, decision: Decision | undefined) => {
    if (new Fraction(cost).compare(new Fraction(district.budget)) > 0) return t('results.explain.tooExpensive', { cost: money(cost), budget: money(district.budget) });
    if ((district.support[id]?.votes ?? 0) === 0) return t('results.explain.noVotes');
    const entry = decision?.entry;
    switch (entry?.type) {
      case 'mes-unaffordable':
        return t('results.explain.mesUnaffordable', { supporters: entry.supporters, left: money(floored(entry.moneyLeftApprox)), cost: money(cost) });
      case 'phragmen-stop':
        return t('results.explain.phragmenStop', { left: money(entry.remainingBudget), cost: money(cost) });
      case 'greedy': {
        const values = { cost: money(cost), left: money(entry.remainingBudget) };
        if (entry.decision === 'below-threshold') return t('results.explain.belowThreshold', { support: entry.support, minimum: settings.minSupport ?? 0 });
        if (entry.decision === 'stopped-at-first-misfit') return t('results.explain.stoppedAtFirstMisfit', values);
        const shares = unaffordable.get(id);
        if (completes && shares) {
          const why = t('results.explain.mesUnaffordable', { supporters: shares.supporters, left: money(floored(shares.moneyLeftApprox)), cost: money(cost) });
          return `${why} ${t('results.explain.completionDoesNotFit', values)}`;
        }
        return t('results.explain.doesNotFit', values);
      }
      default:
        return t('results.explain.notReached');
    }
  };

  const explanations = new Map<string, string>();
  for (const [id, cost] of Object.entries(costs)) {
    const decision = decisions.get(id);
    explanations.set(id, selected.has(id) ? explainSelected(id, cost, decision) : explainLeftOut(id, cost, decision));
  }
  return explanations;
};

/** Whether a reserved share was met, and why not, in words. */
export const explainReservation = (reservation: DistrictResult['reservations'][number], currency: string, i18n: Translator) => {
  const summary = i18n.t('results.reservation.summary', {
    marker: reservation.marker,
    share: i18n.percent(new Fraction(reservation.share).valueOf()),
    required: i18n.money(new Fraction(reservation.required).valueOf().toFixed(2), currency),
    spent: i18n.money(reservation.spent, currency),
  });
  if (reservation.met) return `${summary} ${i18n.t('results.reservation.met')}`;
  const why = reservation.reason === 'not-enough-marked-projects' ? 'results.reservation.notEnoughMarkedProjects' : 'results.reservation.markedProjectsDoNotFit';
  return `${summary} ${i18n.t(why)}`;
};
