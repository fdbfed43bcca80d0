/**
 * The compiled form of an election that every rule works on. Identical ballots are merged into
 * weighted voter classes (a city-wide vote has far fewer distinct ballots than voters), projects
 * become indices, and money becomes integers on a common decimal scale.
 */
import { CountingError } from './counting-error';
import { commonScale, parseDecimal, toScaledInteger, type AmountScale, type ParsedDecimal } from './decimal-amounts';
import { ballotProjects, type Ballot, type DecimalAmount, type Election } from './election';

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
  /** Points for cumulative ballots, 0-based rank for ordinal ballots, 0 otherwise. */
  entryValue: Float64Array;
  /** Voters listing each project: the "votes" used by tie-breaking and thresholds. */
  listingCount: Float64Array;
  /** choose-1 ballots count as approval ballots. */
  ballotKind: 'approval' | 'cumulative' | 'ordinal';
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
    ballotKind: commonBallotKind(election.ballots),
    pointsPerPosition: election.pointsPerPosition,
  };
}

function commonBallotKind(ballots: Ballot[]): CountingProfile['ballotKind'] {
  const kinds = new Set(ballots.map((ballot) => (ballot.kind === 'choose-1' ? 'approval' : ballot.kind)));
  if (kinds.size > 1) throw new CountingError(`ballots of different kinds cannot be counted together: ${[...kinds].join(', ')}`);
  return kinds.values().next().value ?? 'approval';
}

interface BallotClass {
  weight: number;
  projects: number[];
  values: number[];
}

const ascending = (a: number, b: number) => a - b;

function groupIdenticalBallots(ballots: Ballot[], indexOf: Map<string, number>): BallotClass[] {
  const byKey = new Map<string, BallotClass>();
  // A set of project indices is keyed by one character per index when every index fits in one.
  const compactKeys = indexOf.size <= 0x10000;
  for (const ballot of ballots) {
    const normalised = normaliseBallot(ballot, indexOf);
    const key =
      compactKeys && (ballot.kind === 'approval' || ballot.kind === 'choose-1')
        ? String.fromCharCode(...normalised.projects)
        : `${normalised.projects.join(',')}|${normalised.values.join(',')}`;
    const existing = byKey.get(key);
    if (existing) existing.weight += 1;
    else byKey.set(key, { weight: 1, ...normalised });
  }
  return [...byKey.values()];
}

/**
 * Resolves ids to indices and removes repeated projects: approval and cumulative ballots are sets
 * (a repeated cumulative entry keeps its last points), a ranking keeps a project's first position.
 */
function normaliseBallot(ballot: Ballot, indexOf: Map<string, number>): Omit<BallotClass, 'weight'> {
  const ids = ballotProjects(ballot);
  if (ballot.kind === 'approval' || ballot.kind === 'choose-1') {
    // The common case, without a map per ballot: the sorted set of indices.
    const projects: number[] = [];
    for (const id of ids) {
      const project = indexOf.get(id);
      if (project === undefined) throw new CountingError(`a ballot names unknown project ${id}`);
      projects.push(project);
    }
    projects.sort(ascending);
    let kept = 0;
    for (let index = 0; index < projects.length; index += 1) {
      if (index === 0 || projects[index] !== projects[index - 1]) projects[kept++] = projects[index];
    }
    projects.length = kept;
    return { projects, values: new Array<number>(kept).fill(0) };
  }
  const valueByProject = new Map<number, number>();
  ids.forEach((id, position) => {
    const project = indexOf.get(id);
    if (project === undefined) throw new CountingError(`a ballot names unknown project ${id}`);
    if (ballot.kind === 'cumulative') {
      const points = ballot.points[position];
      if (!Number.isInteger(points) || points < 0) {
        throw new CountingError(`a ballot gives project ${id} ${String(points)} points; points must be whole and non-negative`);
      }
      valueByProject.set(project, points);
    } else if (ballot.kind === 'ordinal') {
      if (!valueByProject.has(project)) valueByProject.set(project, valueByProject.size);
    } else {
      valueByProject.set(project, 0);
    }
  });
  const projects = [...valueByProject.keys()];
  // Sets are stored in index order so that equal sets share a class; rankings keep their order.
  if (ballot.kind !== 'ordinal') projects.sort((a, b) => a - b);
  return { projects, values: projects.map((project) => valueByProject.get(project) as number) };
}
