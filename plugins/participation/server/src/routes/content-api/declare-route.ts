import type { z } from 'zod';
import type { ContentApiAction } from '../../domain/access/rules';
import { routeScopedUsersPermissions } from '../../strategies/route-scoped-users-permissions';

/**
 * One content-API route, declared once: where it lives, which action of the access table it is, and the
 * zod schemas of its path parameters, query, body and answer. The route table, the request validation
 * (middlewares/validate-request.ts), the controllers' input and output types and the OpenAPI document
 * all read this declaration.
 */
export interface RouteDeclaration {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  action: ContentApiAction;
  /** One line for the OpenAPI document: what the route does, in the caller's words. */
  summary: string;
  /** Every `:name` of the path. */
  params?: z.ZodObject;
  /** Query parameters; anything else in the query is refused. */
  query?: z.ZodObject;
  /** A JSON body; a route without one refuses a non-empty body. */
  body?: z.ZodType;
  /** The successful answer's body. */
  response: z.ZodType;
  /** The successful answer's status. */
  status?: 200 | 201 | 202 | 204;
  /** A file rather than JSON: its media type (the response schema is then a string). */
  produces?: string;
  /** Community writes refuse bodies over the configured size with 413. */
  limitBody?: boolean;
}

/** Keeps the literal types of a declaration, so controllers get its exact input and output types. */
export const declareRoute = <const Declaration extends RouteDeclaration>(declaration: Declaration): Declaration => declaration;

/** What `validate-request` leaves in `ctx.state.input` for a declared route. */
export interface RequestInput<Declaration extends RouteDeclaration> {
  params: Declaration['params'] extends z.ZodObject ? z.output<Declaration['params']> : Record<string, never>;
  query: Declaration['query'] extends z.ZodObject ? z.output<Declaration['query']> : Record<string, never>;
  body: Declaration['body'] extends z.ZodType ? z.output<Declaration['body']> : undefined;
}

/**
 * A declaration as Strapi's router reads it. The schemas travel in `config.declaration` rather than in
 * Strapi's own `request`/`response` fields: its OpenAPI generator converts those in output mode and gives up
 * on any transform (a query flag "true" → true), so the plugin builds its document itself (openapi/document.ts).
 */
export const toStrapiRoute = (declaration: RouteDeclaration) => ({
  method: declaration.method,
  path: declaration.path,
  handler: declaration.action,
  config: {
    // Signed-in users and the Public role through a leaner users-permissions check; API tokens as usual.
    auth: { strategies: [routeScopedUsersPermissions, 'content-api-token'] },
    policies: [{ name: 'plugin::participation.has-access', config: { action: declaration.action } }],
    middlewares: [
      ...(declaration.limitBody ? ['plugin::participation.body-limit'] : []),
      'plugin::participation.validate-request',
    ],
    declaration,
  },
});
