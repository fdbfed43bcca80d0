import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { getService } from '../../../server/src/utils/get-service';
import { portalRoute } from '../http/portal-route';
import type { PortalContext } from '../http/portal-route';
import { WorkspaceMunicipalityPage, WorkspacePage, type MunicipalityTools } from '../pages/WorkspacePage';
import { toolsFor } from '../workspace/workspace-tools';

const municipalityParams = z.object({ municipalityCode: z.string().max(32) });

const municipalityTools = async (context: PortalContext, code: string): Promise<MunicipalityTools | null> => {
  const municipality = await getService(context.strapi, 'municipality').findByCode(code);
  return municipality ? { municipality: { code: municipality.code, name: municipality.name, contentLanguage: municipality.contentLanguage }, tools: toolsFor(context.actor, code) } : null;
};

/**
 * The workspace's front door for staff, moderators and CSO facilitators. The tools behind it are routes
 * of their own (`/workspace/:municipalityCode/…`), each decided by the access table like the API.
 */
export const workspaceRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace',
    actions: ['me.find'],
    handle: async ({ context }) => {
      const found = await Promise.all((context.actor?.municipalityCodes ?? []).map((code) => municipalityTools(context, code)));
      return {
        title: context.i18n.t('workspace.title'),
        noStore: true,
        body: createElement(WorkspacePage, { municipalities: found.filter((entry): entry is MunicipalityTools => entry !== null && entry.tools.length > 0) }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode',
    actions: ['me.find'],
    params: municipalityParams,
    handle: async ({ context, params }) => {
      const entry = await municipalityTools(context, params.municipalityCode);
      // No tool there for this person: refused like each tool's own route would be.
      if (!entry || entry.tools.length === 0) throw new errors.ForbiddenError('Not assigned to this municipality');
      return { title: entry.municipality.name, noStore: true, body: createElement(WorkspaceMunicipalityPage, entry) };
    },
  }),
];
