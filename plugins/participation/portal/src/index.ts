import path from 'path';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { PORTAL_LANGUAGES, pickLanguage, type PortalLanguage } from './i18n/languages';
import { loadAssets } from './http/assets';
import { anonymousPageCache } from './http/anonymous-page-cache';
import { pathParams, servePortalRoute } from './http/serve';
import { COOKIES } from './http/cookies';
import type { PortalRoute } from './http/portal-route';
import { publicPages } from './routes/public-pages';
import { programmeIndicatorsPages } from './routes/programme-indicators';
import { registerRoutes, signInRoutes } from './routes/account';
import { notFoundRoute } from './routes/not-found';
import { proposalFormRoutes } from './routes/proposal-forms';
import { resultsRoutes } from './routes/results';
import { accountPages } from './routes/account-pages';
import { ballotPortalRoutes } from './routes/ballot';
import { decisionRoutes } from './routes/decisions';
import { communityGroupRoutes } from './routes/community-groups';
import { forumPortalRoutes } from './routes/forums';
import { notificationRoutes } from './routes/notifications';
import { activityRoutes } from './routes/activity';
import { workspaceRoutes } from './routes/workspace';
import { wsConsultationRoutes } from './routes/ws-consultations';
import { wsDialogueGroupRoutes } from './routes/ws-dialogue-groups';
import { wsMeetingRoutes } from './routes/ws-meetings';
import { wsAttendanceLineRoutes } from './routes/ws-attendance-lines';
import { wsCommitmentRoutes } from './routes/ws-commitments';
import { wsModerationRoutes } from './routes/ws-moderation';
import { workspaceRoundRoutes } from './routes/workspace-rounds';
import { wsBudgetLineRoutes } from './routes/ws-budget-lines';
import { wsBudgetImportRoutes } from './routes/ws-budget-import';
import { wsParticipantRoutes } from './routes/ws-participants';
import { ballotDeskRoutes } from './routes/ballot-desk';
import { workspaceReviewRoutes } from './routes/workspace-review';
import { workspaceDecisionRoutes } from './routes/workspace-decisions';
import { workspaceImplementationRoutes } from './routes/workspace-implementation';

/**
 * How long a signed-out page may be served again without rendering. Changes this process sees end it at
 * once; this bounds the rest (another instance's writes, and relative times such as "closes tomorrow").
 */
const SIGNED_OUT_PAGE_TTL_MS = 5000;

export interface PortalConfig {
  enabled: boolean;
  /** Where the portal lives: `/` by default, or e.g. `/portal` beside a site's own front end. */
  basePath: string;
  defaultLanguage: PortalLanguage;
}

/** Every portal route, in the order the router tries them; the catch-all 404 last. */
const ROUTES: ReadonlyArray<PortalRoute<unknown>> = [
  ...publicPages,
  ...programmeIndicatorsPages,
  ...proposalFormRoutes,
  ...ballotPortalRoutes,
  ...signInRoutes,
  ...registerRoutes,
  ...resultsRoutes,
  ...accountPages,
  ...decisionRoutes,
  ...communityGroupRoutes,
  ...forumPortalRoutes,
  ...notificationRoutes,
  ...activityRoutes,
  ...workspaceRoutes,
  ...wsConsultationRoutes,
  ...wsDialogueGroupRoutes,
  ...wsMeetingRoutes,
  ...wsAttendanceLineRoutes,
  ...wsCommitmentRoutes,
  ...wsModerationRoutes,
  ...workspaceRoundRoutes,
  ...wsBudgetLineRoutes,
  ...wsBudgetImportRoutes,
  ...wsParticipantRoutes,
  ...ballotDeskRoutes,
  ...workspaceReviewRoutes,
  ...workspaceDecisionRoutes,
  ...workspaceImplementationRoutes,
  // Each area's routes go above this line, one spread per line.
  notFoundRoute,
];

/**
 * Mounts the citizens' portal on Strapi's own router (plugin bootstrap): the pages under
 * `<basePath>/<language>/…`, the hashed assets under `<basePath>/assets/`, and `<basePath>/` choosing a
 * language. The API stays where it is; a site with its own front end switches the portal off.
 */
export const mountPortal = (strapi: Core.Strapi, config: PortalConfig) => {
  if (!config.enabled) return;
  const basePath = config.basePath.replace(/\/+$/, '');
  // The portal's assets sit beside its source; the compiled server finds them from the app's root.
  const assets = loadAssets(path.join(strapi.dirs.app.root, 'plugins', 'participation', 'portal', 'assets'), {
    // The package exports only its unminified build; the minified one sits beside it.
    'socket.io.js': path.join(path.dirname(require.resolve('socket.io-client/package.json')), 'dist', 'socket.io.min.js'),
  });
  const byName = new Map([...assets.values()].map((asset) => [asset.name, asset]));
  const assetHref = (file: string) => `${basePath}/assets/${assets.get(file)!.name}`;
  const pageCache = anonymousPageCache({ entries: 2000, ttlMs: SIGNED_OUT_PAGE_TTL_MS });
  const server = { basePath, defaultLanguage: config.defaultLanguage, stylesheet: assetHref('portal.css'), assetHref, pageCache };
  // What can change a page: a write through Strapi's database layer, or any request that is not a read
  // (the plugin's own SQL writes all happen inside one).
  const WRITES = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany']);
  strapi.db.lifecycles.subscribe((event) => {
    if (WRITES.has(event.action)) pageCache.invalidate();
  });
  strapi.server.use(async (ctx: Context, next: () => Promise<unknown>) => {
    try {
      await next();
    } finally {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(ctx.method)) pageCache.invalidate();
    }
  });
  const languages = `:lang(${PORTAL_LANGUAGES.join('|')})`;

  // `<basePath>/` chooses a language. A middleware rather than a route: Strapi's own router already
  // answers `/` (a redirect to the admin panel).
  const home = basePath || '/';
  strapi.server.use(async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' || (ctx.path !== home && ctx.path !== `${basePath}/`)) return next();
    const lang = pickLanguage(ctx.cookies.get(COOKIES.language), ctx.get('Accept-Language'), config.defaultLanguage);
    ctx.set('Vary', 'Accept-Language, Cookie');
    ctx.redirect(`${basePath}/${lang}`);
  });
  strapi.server.routes([
    {
      method: 'GET',
      path: `${basePath}/assets/:name`,
      handler: (ctx: Context) => {
        const asset = byName.get(pathParams(ctx).name);
        if (!asset) return ctx.notFound();
        ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
        ctx.set('Vary', 'Accept-Encoding');
        ctx.type = asset.type;
        const accepted = ctx.get('Accept-Encoding');
        if (/\bbr\b/.test(accepted)) {
          ctx.set('Content-Encoding', 'br');
          ctx.body = asset.br;
        } else if (/\bgzip\b/.test(accepted)) {
          ctx.set('Content-Encoding', 'gzip');
          ctx.body = asset.gzip;
        } else ctx.body = asset.raw;
      },
      config: { auth: false as const },
    },
    ...ROUTES.map((route) => ({
      method: route.method,
      path: `${basePath}/${languages}${route.path === '/' ? '' : route.path}`,
      handler: servePortalRoute(strapi, server, route),
      config: { auth: false as const },
    })),
  ]);
};
