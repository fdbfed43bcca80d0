import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { decideAccess } from '../../../server/src/domain/access/rules';
import { getService } from '../../../server/src/utils/get-service';
import { isPortalLanguage, type PortalLanguage } from '../i18n/languages';
import { translatorFor } from '../i18n/translator';
import { portalSessions, type PortalSession } from '../session/portal-sessions';
import { browserFlash, sessionFlash } from '../session/session-flash';
import { csrf } from '../session/csrf';
import { Layout } from '../components/Layout';
import { PortalContextProvider } from '../components/portal-context';
import { ProblemPage } from '../pages/ProblemPage';
import { sendDownload, sendPage, sendPrepared } from './respond';
import { COOKIES } from './cookies';
import { takeUploads } from './multipart-form';
import type { AnonymousPageCache } from './anonymous-page-cache';
import type { FormValues, PortalAnswer, PortalContext, PortalPage, PortalRoute } from './portal-route';

/** A signed-out browser's flash is read by the redirect right after it is set: a minute is plenty. */
const BROWSER_FLASH_MS = 60 * 1000;

type KoaContext = Context;

/** The path parameters @koa/router adds to the context (Koa's own type does not know them). */
export const pathParams = (ctx: Context) => (ctx as Context & { params: Record<string, string> }).params;

export interface PortalServer {
  basePath: string;
  defaultLanguage: PortalLanguage;
  stylesheet: string;
  /** The hashed address of one of the portal's assets (`ballot.js`). */
  assetHref: (file: string) => string;
  pageCache: AnonymousPageCache;
}

const cookieOptions = (ctx: KoaContext, basePath: string, maxAgeMs?: number) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: ctx.secure,
  path: basePath || '/',
  overwrite: true,
  ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
});

const pagePathOf = (ctx: KoaContext, basePath: string, lang: string) => {
  const prefix = `${basePath}/${lang}`;
  const rest = ctx.path.startsWith(prefix) ? ctx.path.slice(prefix.length) : ctx.path;
  return `${rest || '/'}${ctx.querystring ? `?${ctx.querystring}` : ''}`;
};

/** Serves one portal route: language, session, CSRF, the access table, then the handler's page or redirect. */
export const servePortalRoute = (strapi: Core.Strapi, server: PortalServer, route: PortalRoute<unknown>) => {
  const appKey = (strapi.config.get('server.app.keys') as string[])[0];
  const tokens = csrf(appKey);
  const sessions = portalSessions(strapi);
  const flashes = sessionFlash(strapi);
  const sealedFlashes = browserFlash(appKey);

  return async (ctx: KoaContext) => {
    const requested = pathParams(ctx).lang;
    const lang: PortalLanguage = isPortalLanguage(requested) ? requested : server.defaultLanguage;
    const i18n = translatorFor(lang);
    const session: PortalSession | null = await sessions.find(ctx.cookies.get(COOKIES.session));
    // A reader's CSRF binding is made (and its cookie set) only once a page or form needs it: a page
    // without a form, served to every signed-out reader from the cache, needs none.
    let binding: string | undefined = session?.digest ?? ctx.cookies.get(COOKIES.csrf);
    const bindingOf = () => {
      if (!binding) {
        binding = tokens.newBinding();
        ctx.cookies.set(COOKIES.csrf, binding, cookieOptions(ctx, server.basePath));
      }
      return binding;
    };
    let csrfToken: string | undefined;
    const csrfTokenOf = () => (csrfToken ??= tokens.tokenFor(bindingOf()));
    if (ctx.cookies.get(COOKIES.language) !== lang) {
      ctx.cookies.set(COOKIES.language, lang, cookieOptions(ctx, server.basePath, 365 * 24 * 60 * 60 * 1000));
    }
    const actor = session ? await getService(strapi, 'access').actorFor({ id: session.user.id, role: session.user.role }) : null;
    const pagePath = pagePathOf(ctx, server.basePath, lang);
    // A signed-out reader with no message waiting gets the page every such reader gets (http/anonymous-page-cache.ts).
    const shared = ctx.method === 'GET' && !session && !ctx.cookies.get(COOKIES.flash);
    const cacheKey = `${lang}${pagePath}`;
    if (shared) {
      const cached = server.pageCache.get(cacheKey, csrfTokenOf);
      if (cached) return sendPrepared(ctx, cached, { status: 200, personal: false });
    }
    const generation = server.pageCache.generation();
    const context: PortalContext = {
      strapi,
      lang,
      i18n,
      user: session?.user ?? null,
      actor,
      csrfToken: shared ? server.pageCache.csrfPlaceholder : csrfTokenOf(),
      pagePath,
      href: (path, language = lang) => `${server.basePath}/${language}${path === '/' ? '' : path}`,
      stylesheet: server.stylesheet,
      assetHref: server.assetHref,
    };

    const render = ({ title, body, status = 200, scripts = [], noStore }: PortalPage) => {
      const layout = createElement(Layout, { title, scripts: scripts.map(server.assetHref), children: body });
      const page = createElement(PortalContextProvider.Provider, { value: context }, layout);
      const html = `<!doctype html>${renderToStaticMarkup(page)}`;
      if (!shared) return sendPage(ctx, html, { status, personal: Boolean(session), noStore });
      if (status === 200 && !noStore) server.pageCache.set(cacheKey, html, generation);
      sendPage(ctx, html.replaceAll(server.pageCache.csrfPlaceholder, csrfTokenOf), { status, personal: false, noStore });
    };
    const problem = (status: number, detail?: string) => render({ ...ProblemPage({ status, detail, i18n }), status });

    const form: FormValues = ctx.method === 'POST' ? ((ctx.request.body ?? {}) as FormValues) : {};
    // Read (and removed from disk) before anything can refuse the request.
    const uploads = ctx.method === 'POST' ? await takeUploads(ctx) : {};
    if (ctx.method === 'POST' && !route.signedPath && !tokens.check(bindingOf(), form.csrf)) return problem(403, i18n.t('problem.csrf'));

    const params = route.params ? route.params.safeParse(pathParams(ctx)) : { success: true as const, data: pathParams(ctx) };
    if (!params.success) return problem(404);
    for (const action of route.actions) {
      const decision = decideAccess(action, actor, pathParams(ctx).municipalityCode);
      if (decision.allowed) continue;
      if (decision.status === 401) {
        ctx.status = 303;
        return ctx.redirect(context.href(`/sign-in?returnTo=${encodeURIComponent(pagePath)}`));
      }
      return problem(403);
    }

    let answer: PortalAnswer;
    try {
      answer = await route.handle({
        params: params.data,
        query: ctx.query as FormValues,
        form,
        uploads,
        context,
        address: ctx.request.ip || 'unknown',
        session: {
          begin: async (userId) => {
            await sessions.end(ctx.cookies.get(COOKIES.session));
            ctx.cookies.set(COOKIES.session, await sessions.begin(userId), cookieOptions(ctx, server.basePath));
          },
          end: async () => {
            await sessions.end(ctx.cookies.get(COOKIES.session));
            ctx.cookies.set(COOKIES.session, '', { ...cookieOptions(ctx, server.basePath), maxAge: 0 });
          },
          flash: {
            put: async (message) => {
              if (session) return flashes.put(ctx.cookies.get(COOKIES.session)!, message);
              ctx.cookies.set(COOKIES.flash, sealedFlashes.seal(bindingOf(), message), cookieOptions(ctx, server.basePath, BROWSER_FLASH_MS));
            },
            take: async () => {
              if (session) return flashes.take(ctx.cookies.get(COOKIES.session), session.sealedFlash);
              const sealed = ctx.cookies.get(COOKIES.flash);
              if (!sealed) return null;
              ctx.cookies.set(COOKIES.flash, '', { ...cookieOptions(ctx, server.basePath), maxAge: 0 });
              return sealedFlashes.unseal(bindingOf(), sealed);
            },
          },
        },
      });
    } catch (error) {
      if (error instanceof errors.NotFoundError) return problem(404);
      // The services' messages are English; the page says what happened in its own language.
      if (error instanceof errors.PolicyError || error instanceof errors.ForbiddenError) return problem(403);
      if (error instanceof errors.ValidationError) return problem(400);
      // conflict() (utils/conflict.ts): the state does not allow it now, e.g. a phase that has moved on.
      if ((error as { status?: number }).status === 409) return problem(409);
      strapi.log.error(error as Error);
      return problem(500);
    }
    if ('redirect' in answer) {
      ctx.status = 303;
      return ctx.redirect(answer.redirect);
    }
    if ('download' in answer) return sendDownload(ctx, answer.download);
    return render(answer);
  };
};
