/**
 * The compiled form of an election that every rule works on. Identical ballots are merged into
 * weighted voter classes (a city-wide vote has far fewer distinct ballots than voters), projects
 * become indices, and money becomes integers on a common decimal scale.
 */
import { CountingError } from './counting-error';
import { commonScale, parseDecimal, toScaledInteger, type AmountScale, type ParsedDecimal } from './decimal-amounts';
import { ballotKind, type EntryValues } from '../voting/ballot-kinds';
import type { Ballot, DecimalAmount, Election } from './election';

export interface CountingProfile {
  projectIds: string[];
  /** Scaled integer costs, as floats (exact below 2^53) and as BigInt. */
  costs: Float64Array;
  exactCosts: bigint[];
  budget: bigint;
  scale: AmountScale;
  markers: Set<string>[];
  /** Number of voters, empty ballots included. */
  voterCount: number;
  classCount: number;
  classWeight: Float64Array;
  /** Entries of class c are `classStart[c]` .. `classStart[c + 1] - 1`. */
  classStart: Int32Array;
  entryProject: Int32Array;
  /** What `entryValue` holds: points, a 0-based rank, or nothing (0), as the ballots' kind defines. */
  entryValue: Float64Array;
  /** Voters listing each project: the "votes" used by tie-breaking and thresholds. */
  listingCount: Float64Array;
  entryValues: EntryValues;
  pointsPerPosition?: number[];
}

export function scaleAmount(amount: DecimalAmount, what: string): ParsedDecimal {
  const parsed = parseDecimal(amount);
  if (!parsed) throw new CountingError(`${what} is not a decimal amount: ${String(amount)}`);
  return parsed;
}

export function compileProfile(election: Election): CountingProfile {
  const projectIds = election.projects.map((project) => project.id);
  const indexOf = new Map<string, number>();
  projectIds.forEach((id, index) => {
    if (indexOf.has(id)) throw new CountingError(`project ${id} is listed twice`);
    indexOf.set(id, index);
  });
  const parsedCosts = election.projects.map((project) => scaleAmount(project.cost, `cost of project ${project.id}`));
  const parsedBudget = scaleAmount(election.budget, 'budget');
  const scale = commonScale([parsedBudget, ...parsedCosts]);
  const exactCosts = parsedCosts.map((cost) => toScaledInteger(cost, scale));
  exactCosts.forEach((cost, index) => {
    if (cost <= 0n) throw new CountingError(`project ${projectIds[index]} has a non-positive cost`);
  });
  const budget = toScaledInteger(parsedBudget, scale);
  if (budget < 0n) throw new CountingError('the budget is negative');

  const classes = groupIdenticalBallots(election.ballots, indexOf);
  const classCount = classes.length;
  const classWeight = new Float64Array(classCount);
  const classStart = new Int32Array(classCount + 1);
  const entryCount = classes.reduce((sum, ballotClass) => sum + ballotClass.projects.length, 0);
  const entryProject = new Int32Array(entryCount);
  const entryValue = new Float64Array(entryCount);
  const listingCount = new Float64Array(projectIds.length);
  let entry = 0;
  classes.forEach((ballotClass, classIndex) => {
    classWeight[classIndex] = ballotClass.weight;
    classStart[classIndex] = entry;
    ballotClass.projects.forEach((project, position) => {
      entryProject[entry] = project;
      entryValue[entry] = ballotClass.values[position];
      listingCount[project] += ballotClass.weight;
      entry += 1;
    });
  });
  classStart[classCount] = entry;

  return {
    projectIds,
    costs: Float64Array.from(exactCosts, Number),
    exactCosts,
    budget,
    scale,
    markers: election.projects.map((project) => new Set(project.markers ?? [])),
    voterCount: election.ballots.length,
    classCount,
    classWeight,
    classStart,
    entryProject,
    entryValue,
    listingCount,
    entryValues: commonEntryValues(election.ballots),
    pointsPerPosition: election.pointsPerPosition,
  };
}

/** Kinds whose entries mean the same (approval and choose-1) count together; others do not. */
function commonEntryValues(ballots: Ballot[]): EntryValues {
  const kinds = new Set(ballots.map((ballot) => ballot.kind));
  const meanings = new Set([...kinds].map((kind) => ballotKind(kind).counting.values));
  if (meanings.size > 1) throw new CountingError(`ballots of different kinds cannot be counted together: ${[...kinds].join(', ')}`);
  return meanings.values().next().value ?? 'none';
}

interface BallotClass {
  weight: number;
  projects: number[];
  values: number[];
}

function groupIdenticalBallots(ballots: Ballot[], indexOf: Map<string, number>): BallotClass[] {
  const byKey = new Map<string, BallotClass>();
  // A set of project indices is keyed by one character per index when every index fits in one.
  const compactKeys = indexOf.size <= 0x10000;
  for (const ballot of ballots) {
    const { counting } = ballotKind(ballot.kind);
    const normalised = counting.normalise(ballot, indexOf);
    const key =
      compactKeys && counting.values === 'none'
        ? String.fromCharCode(...normalised.projects)
        : `${normalised.projects.join(',')}|${normalised.values.join(',')}`;
    const existing = byKey.get(key);
    if (existing) existing.weight += 1;
    else byKey.set(key, { weight: 1, ...normalised });
  }
  return [...byKey.values()];
}
