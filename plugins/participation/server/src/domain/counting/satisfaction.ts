/**
 * What a voter gets from a project, per ballot entry. All satisfactions are additive, whole numbers
 * (costs are scaled integers), so the floats below are exact and can be turned into BigInt.
 */
import { CountingError } from './counting-error';
import type { CountingProfile } from './profile';

export type SatisfactionMeasure = 'cost' | 'card' | 'points' | 'borda';

export function entrySatisfaction(profile: CountingProfile, measure: SatisfactionMeasure): Float64Array {
  const satisfaction = new Float64Array(profile.entryProject.length);
  for (let voterClass = 0; voterClass < profile.classCount; voterClass += 1) {
    const start = profile.classStart[voterClass];
    const length = profile.classStart[voterClass + 1] - start;
    for (let entry = start; entry < start + length; entry += 1) {
      satisfaction[entry] = entryValue(profile, measure, entry, length);
    }
  }
  return satisfaction;
}

function entryValue(profile: CountingProfile, measure: SatisfactionMeasure, entry: number, ballotLength: number): number {
  switch (measure) {
    case 'cost':
      return profile.costs[profile.entryProject[entry]];
    case 'card':
      return 1;
    case 'points':
      if (profile.entryValues !== 'rank') return profile.entryValue[entry];
      if (!profile.pointsPerPosition) {
        throw new CountingError('points satisfaction on rankings needs pointsPerPosition; use borda instead');
      }
      return profile.pointsPerPosition[profile.entryValue[entry]] ?? 0;
    case 'borda':
      if (profile.entryValues !== 'rank') throw new CountingError('borda satisfaction needs ordinal ballots');
      // Position i of a ranking of length L scores L - i - 1: the last-ranked project scores 0.
      return ballotLength - profile.entryValue[entry] - 1;
  }
}

/** Total satisfaction each project receives over all voters. */
export function totalSatisfaction(profile: CountingProfile, satisfaction: Float64Array): Float64Array {
  const totals = new Float64Array(profile.projectIds.length);
  for (let voterClass = 0; voterClass < profile.classCount; voterClass += 1) {
    const weight = profile.classWeight[voterClass];
    for (let entry = profile.classStart[voterClass]; entry < profile.classStart[voterClass + 1]; entry += 1) {
      totals[profile.entryProject[entry]] += weight * satisfaction[entry];
    }
  }
  return totals;
}
