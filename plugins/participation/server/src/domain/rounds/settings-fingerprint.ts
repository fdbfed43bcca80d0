import { createHash } from 'crypto';
import { canonicalJson } from '../decision-log/canonical-json';
import type { EligibilityRules } from './eligibility';
import type { BallotRules, DistrictsPerVoter } from './round-settings';

/**
 * Everything a round's count reads, as stored: the round's frozen settings and the proposals on its
 * ballot. Its SHA-256 is stored when voting opens; the count (and casting, when an instance first reads
 * a voting round) recomputes it from the stored rows and refuses to go on with settings that differ.
 */
export interface FrozenRound {
  documentId: string;
  municipalityCode: string;
  totalBudgetMinor: string;
  districts: Array<{ code: string; name: string; budget: string }>;
  districtsPerVoter: DistrictsPerVoter;
  ballotRules: BallotRules;
  reservations: Array<{ marker: string; share: string }>;
  eligibility: EligibilityRules;
  showRunningTotals: boolean;
}

export interface FrozenBallotProject {
  documentId: string;
  title: string;
  districtCode: string;
  requestedMinor: string;
  costEstimateMinor: string | null;
  ballotNumber: number | null;
  genderMarker: string;
  youthMarker: string;
}

export const settingsFingerprint = (round: FrozenRound, projects: readonly FrozenBallotProject[]): string => {
  const ordered = [...projects].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  return createHash('sha256').update(canonicalJson({ round, projects: ordered })).digest('hex');
};

/** A ballot project as counting and casting see it: the staff's cost estimate, else the amount requested. */
export const ballotProject = (project: FrozenBallotProject) => ({
  id: project.documentId,
  title: project.title,
  districtCode: project.districtCode,
  costMinor: project.costEstimateMinor ?? project.requestedMinor,
  markers: [...(project.genderMarker !== 'none' ? ['gender'] : []), ...(project.youthMarker !== 'none' ? ['youth'] : [])],
});
