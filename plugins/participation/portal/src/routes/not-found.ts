import { portalRoute } from '../http/portal-route';
import { ProblemPage } from '../pages/ProblemPage';

/** Any other address under a language: a proper 404 page in that language. */
export const notFoundRoute = portalRoute({
  method: 'GET',
  path: '/(.*)',
  actions: [],
  handle: async ({ context }) => {
    return { ...ProblemPage({ status: 404, i18n: context.i18n }), status: 404 };
  },
});
