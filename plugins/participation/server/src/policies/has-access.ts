import type { Core } from '@strapi/strapi';
import { ACCESS_RULES, decideAccess, type Actor, type ContentApiAction } from '../domain/access/rules';
import type { AuthenticatedUser } from '../services/access';
import { refusalError } from '../utils/refusal-error';
import { getService } from '../utils/get-service';

/**
 * Applies the access rules (domain/access/rules.ts) to a route. Municipality-scoped routes carry the
 * municipality in their path as `:municipalityCode`; there an unknown code is a 400 before any scope check.
 */
export default async (
  policyContext: Core.PolicyContext & { params?: Record<string, string>; state: { user?: AuthenticatedUser; participationActor?: Actor | null } },
  config: { action: ContentApiAction },
  { strapi }: { strapi: Core.Strapi }
) => {
  const { audience } = ACCESS_RULES[config.action];
  // Public reads need no actor: no query on the hottest paths.
  if (audience === 'public') return true;
  const municipalityCode: string | undefined = policyContext.params?.municipalityCode;
  if (municipalityCode !== undefined && audience === 'municipality') {
    await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');
  }
  const actor = await getService(strapi, 'access').actorFor(policyContext.state.user);
  const decision = decideAccess(config.action, actor, municipalityCode);
  if (decision.allowed) {
    policyContext.state.participationActor = actor;
    return true;
  }
  throw refusalError(decision);
};
