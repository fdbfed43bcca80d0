import { appendFileSync } from 'fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import type { RouteDeclaration } from '../routes/content-api/declare-route';
import { validateRequest } from '../utils/validate';
import { responseMismatch } from '../utils/response-mismatch';

const NOTHING = z.object({}).strict();

// Unknown path or query parameters are refused, whether or not a declaration says `.strict()`.
const strictVersions = new WeakMap<z.ZodObject, z.ZodObject>();
const strict = (schema: z.ZodObject) => {
  if (!strictVersions.has(schema)) strictVersions.set(schema, schema.strict());
  return strictVersions.get(schema)!;
};

/** koa-router also lists unnamed captures under numeric keys; only named ones are the route's parameters. */
const namedParams = (params: Record<string, string>) => Object.fromEntries(Object.entries(params ?? {}).filter(([name]) => !/^\d+$/.test(name)));

/** The declaration `toStrapiRoute` put in the route's config. */
export const declarationOf = (ctx: { state: { route?: { config?: { declaration?: RouteDeclaration } } } }): RouteDeclaration => {
  const declaration = ctx.state.route?.config?.declaration;
  if (!declaration) throw new Error('participation: validate-request runs only on routes made by toStrapiRoute');
  return declaration;
};

/**
 * The one step that validates a content-API request from its route's declaration, after access has been
 * decided: path parameters, then the query, then the body, each a 400 naming the bad fields. The parsed
 * values (defaults applied, strings coerced) are left in `ctx.state.input` for the controller. With
 * `contentApi.checkResponses` on (the test suites), a successful answer that strays from the declared
 * response schema becomes a 500 naming the difference, so an integration test that meets it fails.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const declaration = declarationOf(ctx);
    ctx.state.input = {
      params: validateRequest(strict(declaration.params), namedParams(ctx.params), 'path'),
      query: validateRequest(declaration.query ? strict(declaration.query) : NOTHING, ctx.query, 'query'),
      body: validateRequest(declaration.body ?? NOTHING, ctx.request.body, 'body'),
    };
    await next();

    if (!strapi.plugin('participation').config<boolean>('contentApi.checkResponses')) return;
    const mismatch = responseMismatch(declaration, ctx.status, ctx.body);
    if (!mismatch) return;
    strapi.log.error(mismatch);
    const log = strapi.plugin('participation').config<string | null>('contentApi.responseMismatchLog');
    if (log) appendFileSync(log, `${mismatch}\n\n`);
    ctx.status = 500;
    ctx.body = { data: null, error: { status: 500, name: 'ResponseContractError', message: mismatch, details: {} } };
  };
