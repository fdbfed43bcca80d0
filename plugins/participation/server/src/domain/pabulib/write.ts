/**
 * Writes an election's ballots as a Pabulib `.pb` file, anonymised: voters are numbered 1..n in
 * ballot order and only their votes (and points) are kept. Reading the file back with parse.ts
 * gives the same election, so anyone can recount a published round.
 */
import { ballotProjects, type Ballot, type Election } from '../counting/election';
import { ballotKind, type BallotKind } from '../voting/ballot-kinds';

export interface WriteOptions {
  /** META entries to carry over (description, country, ...); counts and budget are always rewritten. */
  meta?: Record<string, string>;
  /** Ids of the selected projects, written as the `selected` column. */
  selected?: string[];
}

const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

function field(value: string | number): string {
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(values: (string | number)[]): string {
  return values.map(field).join(';');
}

function voteType(ballots: Ballot[]): BallotKind {
  return ballots[0]?.kind ?? 'approval';
}

/** The file line by line (without line ends), so large rounds can be streamed out. */
export function* pabulibLines(election: Election, options: WriteOptions = {}): Generator<string> {
  for (const project of election.projects) {
    if (/[,\r\n]/.test(project.id) || project.id.trim() !== project.id || project.id === '') {
      throw new Error(`project id "${project.id}" cannot be written to a .pb file (commas, line breaks, edge spaces)`);
    }
  }
  const type = voteType(election.ballots);
  const limits = election.limits ?? {};
  // The ballot's limits and the points per rank, so that a recount reads the same rule from the file.
  const rules: Record<string, string | number | undefined> = {
    min_length: limits.minLength,
    max_length: limits.maxLength,
    max_sum_cost: limits.maxTotalCost === undefined ? undefined : String(limits.maxTotalCost),
    min_sum_points: limits.minTotalPoints,
    max_sum_points: limits.maxTotalPoints,
    points_per_position: election.pointsPerPosition?.join(','),
  };
  const meta: Record<string, string> = {
    ...options.meta,
    num_projects: String(election.projects.length),
    num_votes: String(election.ballots.length),
    budget: String(election.budget),
    vote_type: type,
    ...Object.fromEntries(Object.entries(rules).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)])),
  };
  yield 'META';
  yield 'key;value';
  for (const [key, value] of Object.entries(meta)) yield row([key, value]);

  const votes = new Map<string, number>();
  for (const ballot of election.ballots) for (const id of new Set(ballotProjects(ballot))) votes.set(id, (votes.get(id) ?? 0) + 1);
  const selected = options.selected && new Set(options.selected);
  const withMarkers = election.projects.some((project) => project.markers && project.markers.length > 0);
  yield 'PROJECTS';
  yield row(['project_id', 'cost', 'votes', 'name', ...(selected ? ['selected'] : []), ...(withMarkers ? ['markers'] : [])]);
  for (const project of election.projects) {
    yield row([
      project.id,
      String(project.cost),
      votes.get(project.id) ?? 0,
      project.name ?? '',
      ...(selected ? [selected.has(project.id) ? '1' : '0'] : []),
      ...(withMarkers ? [(project.markers ?? []).join(',')] : []),
    ]);
  }

  yield 'VOTES';
  const { pabulib } = ballotKind(type);
  yield row(['voter_id', 'vote', ...pabulib.columns]);
  let voter = 0;
  for (const ballot of election.ballots) {
    voter += 1;
    yield row([voter, ballotProjects(ballot).join(','), ...pabulib.write(ballot)]);
  }
}

export function writePabulib(election: Election, options: WriteOptions = {}): string {
  let text = '';
  for (const line of pabulibLines(election, options)) text += `${line}\n`;
  return text;
}
