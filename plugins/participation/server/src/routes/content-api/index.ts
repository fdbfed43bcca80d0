import { toStrapiRoute, type RouteDeclaration } from './declare-route';
import { meetingRoutes } from './meetings';
import { forumRoutes } from './forums';
import { moderationRoutes } from './moderation';
import { municipalityRoutes } from './municipalities';
import { openApiRoutes } from './openapi';
import { statisticsRoutes } from './statistics';
import { budgetLineRoutes } from './budget-lines';
import { meRoutes } from './me';
import { participantRoutes } from './participants';
import { roundRoutes } from './rounds';
import { proposalRoutes } from './proposals';
import { ballotRoutes } from './ballots';
import { decisionRoutes } from './decisions';
import { implementationRoutes } from './implementation';
import { realtimeRoutes } from './realtime';

import { dialogueGroupRoutes } from './dialogue-groups';
import { consultationRoutes } from './consultations';
import { openDataRoutes } from './open-data';

/**
 * Every content-API route, each declared once (declare-route.ts), grouped by resource. Public reads sit at
 * the top level; every write is nested under the municipality it acts in, so the scope check needs
 * nothing but the path.
 */
export const contentApiDeclarations: RouteDeclaration[] = [
  openApiRoutes,
  municipalityRoutes,
  budgetLineRoutes,
  meRoutes,
  participantRoutes,
  roundRoutes,
  proposalRoutes,
  ballotRoutes,
  realtimeRoutes,
  decisionRoutes,
  implementationRoutes,
  forumRoutes,
  moderationRoutes,
  statisticsRoutes,
  dialogueGroupRoutes,
  meetingRoutes,
  consultationRoutes,
  openDataRoutes,
].flatMap((routes): RouteDeclaration[] => Object.values(routes));

export const contentApiRoutes = contentApiDeclarations.map(toStrapiRoute);

export default { type: 'content-api' as const, routes: contentApiRoutes };
