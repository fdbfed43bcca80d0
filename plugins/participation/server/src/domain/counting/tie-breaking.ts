/**
 * Tie-breaking as a total order of projects: `rank[p]` is project p's place, lower wins a tie.
 * - `id`: ascending project id compared as plain text, so "10" < "9" (the reference implementation);
 * - `cost-then-votes`: lowest cost, then most votes (the order equalshares.net recommends), then id.
 */
import type { CountingProfile } from './profile';

export const TIE_BREAKINGS = ['id', 'cost-then-votes'] as const;
export type TieBreaking = (typeof TIE_BREAKINGS)[number];

/** Compares by Unicode code point, as Python does; JavaScript's `<` compares UTF-16 units. */
export function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.codePointAt(index) as number;
    const right = b.codePointAt(index) as number;
    if (left !== right) return left < right ? -1 : 1;
    if (left > 0xffff) index += 1;
  }
  return a.length - b.length;
}

export function tieBreakingRank(profile: CountingProfile, tieBreaking: TieBreaking): Int32Array {
  const order = profile.projectIds.map((_, index) => index);
  const byId = (a: number, b: number) => compareText(profile.projectIds[a], profile.projectIds[b]);
  if (tieBreaking === 'id') order.sort(byId);
  else {
    order.sort(
      (a, b) =>
        profile.costs[a] - profile.costs[b] || profile.listingCount[b] - profile.listingCount[a] || byId(a, b),
    );
  }
  const rank = new Int32Array(order.length);
  order.forEach((project, place) => {
    rank[project] = place;
  });
  return rank;
}
