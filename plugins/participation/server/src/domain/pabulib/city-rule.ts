/**
 * The count a file's META describes. A rule of this engine (as this app's exports name it) is counted as
 * the round was: with META's `tie_breaking`, `reservations` (`gender:0.3,youth:0.1`),
 * `min_project_score_threshold` and `no_skip`, and the ballot's points per rank (`points_per_position`).
 * Otherwise the city's own rule, as far as META describes it: `greedy` (most support first, skip what does
 * not fit), `greedy-threshold` (the same, without projects under `min_project_score_threshold`)
 * and `greedy-no-skip` (stop at the first project that does not fit). Support is votes for approval
 * ballots and points for cumulative ballots; rankings score max_length points for first place,
 * one less for each next place, unless the election already defines points per position.
 */
import type { Election } from '../counting/election';
import { isRuleName, TIE_BREAKINGS, type CountOptions, type TieBreaking } from '../counting/index';
import { ballotKind } from '../voting/ballot-kinds';
import type { PabulibFile } from './parse';

export const EMULATED_CITY_RULES = ['greedy', 'greedy-threshold', 'greedy-no-skip'] as const;

export interface CityCount {
  election: Election;
  options: CountOptions;
}

/** The count that replays the city's rule, or undefined when META names a rule not emulated. */
export function cityCount(file: PabulibFile): CityCount | undefined {
  const rule = file.meta.rule;
  const threshold = file.meta.min_project_score_threshold;
  if (isRuleName(rule)) {
    const tieBreaking = file.meta.tie_breaking;
    const reservations = (file.meta.reservations ?? '').split(',').filter(Boolean).map((entry) => {
      const [marker, share] = entry.split(':');
      return { marker: marker.trim(), share: (share ?? '').trim() };
    });
    const options: CountOptions = {
      rule,
      ...((TIE_BREAKINGS as readonly string[]).includes(tieBreaking) ? { tieBreaking: tieBreaking as TieBreaking } : {}),
      ...(reservations.length > 0 ? { reservations } : {}),
      ...(threshold !== undefined ? { minSupport: Number(threshold) } : {}),
      ...(file.meta.no_skip === '1' ? { stopAtFirstMisfit: true } : {}),
    };
    return { election: file.election, options };
  }
  if (!(EMULATED_CITY_RULES as readonly string[]).includes(rule)) return undefined;
  const options: CountOptions = {
    rule: 'greedy_support',
    ...(rule === 'greedy-threshold' && threshold !== undefined ? { minSupport: Number(threshold) } : {}),
    ...(rule === 'greedy-no-skip' ? { stopAtFirstMisfit: true } : {}),
  };
  const maxLength = Number(file.meta.max_length);
  const election =
    ballotKind(file.voteType).counting.values === 'rank' && !file.election.pointsPerPosition && Number.isInteger(maxLength)
      ? { ...file.election, pointsPerPosition: Array.from({ length: maxLength }, (_, position) => maxLength - position) }
      : file.election;
  return { election, options };
}
