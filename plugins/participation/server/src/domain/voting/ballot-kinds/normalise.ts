/** How kinds resolve a ballot's project ids for the counting engine (counting/profile.ts). */
import { CountingError } from '../../counting/counting-error';
import type { NormalisedBallot } from './ballot-kind';

const indexOfProject = (indexOf: ReadonlyMap<string, number>, id: string) => {
  const project = indexOf.get(id);
  if (project === undefined) throw new CountingError(`a ballot names unknown project ${id}`);
  return project;
};

/** A set of projects: the sorted indices without repeats, every value 0. Written for speed: most ballots are sets. */
export const normaliseSet = (ids: readonly string[], indexOf: ReadonlyMap<string, number>): NormalisedBallot => {
  const projects: number[] = [];
  for (const id of ids) projects.push(indexOfProject(indexOf, id));
  projects.sort((a, b) => a - b);
  let kept = 0;
  for (let index = 0; index < projects.length; index += 1) {
    if (index === 0 || projects[index] !== projects[index - 1]) projects[kept++] = projects[index];
  }
  projects.length = kept;
  return { projects, values: new Array<number>(kept).fill(0) };
};

/**
 * Projects with a value each. `keep` decides a repeated project: the last value (points) or the first
 * (a ranking keeps a project's first position). Sets are stored in index order so that equal sets
 * share a class; rankings keep their order.
 */
export const normaliseValued = (
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  valueAt: (position: number, id: string, valuesSoFar: number) => number,
  options: { keep: 'first' | 'last'; ordered: boolean },
): NormalisedBallot => {
  const valueByProject = new Map<number, number>();
  ids.forEach((id, position) => {
    const project = indexOfProject(indexOf, id);
    if (options.keep === 'first' && valueByProject.has(project)) return;
    valueByProject.set(project, valueAt(position, id, valueByProject.size));
  });
  const projects = [...valueByProject.keys()];
  if (!options.ordered) projects.sort((a, b) => a - b);
  return { projects, values: projects.map((project) => valueByProject.get(project) as number) };
};
