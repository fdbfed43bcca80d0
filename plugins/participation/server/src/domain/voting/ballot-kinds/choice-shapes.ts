/** The shapes a voter's choices come in; kinds that read the same shape share it. */
import { z } from 'zod';

const proposalId = z.string().min(1).max(64);

export const projectsChoices = z.object({ projects: z.array(proposalId).max(500) }).strict();
export type ProjectsChoices = z.output<typeof projectsChoices>;

export const pointsChoices = z.object({ points: z.record(proposalId, z.number().int()) }).strict();
export type PointsChoices = z.output<typeof pointsChoices>;

export const rankingChoices = z.object({ ranking: z.array(proposalId).max(500) }).strict();
export type RankingChoices = z.output<typeof rankingChoices>;
