import { errors } from '@strapi/utils';
import { getService } from '../../../server/src/utils/get-service';
import type { WorkspaceMunicipality } from '../components/WorkspaceTrail';
import type { PortalContext } from '../http/portal-route';

/**
 * The municipality a workspace route's path names, with what its pages show (name for the trail,
 * currency for amounts, content language for what people wrote). The access table has already decided the path's code; a code with no
 * municipality behind it is not found.
 */
export const workspaceMunicipality = async (context: PortalContext, code: string): Promise<WorkspaceMunicipality & { currency: string }> => {
  const municipality = await getService(context.strapi, 'municipality').findByCode(code);
  if (!municipality) throw new errors.NotFoundError('Municipality not found');
  return { code: municipality.code, name: municipality.name, currency: municipality.currency, contentLanguage: municipality.contentLanguage };
};
