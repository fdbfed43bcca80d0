import { z } from 'zod';
import type { ContentApiAction } from '../../domain/access/rules';
import { routeScopedUsersPermissions } from '../../strategies/route-scoped-users-permissions';
import { pathParameters, type PathParameterName } from './validation/path-parameters';

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
  /** Every `:name` of the path, built by `declareRoute` from the path and validation/path-parameters.ts. */
  params: z.ZodObject;
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
  /** A public action whose service still keeps some resources private (personal rooms): 401 and 403 documented. */
  privateResources?: boolean;
}

/** What a route file writes: the path is the only place its parameters are named. */
export type RouteSpec = Omit<RouteDeclaration, 'params'> & { params?: never };

/** The names of a path's `:parameters`, each running to the next `/` (the runtime reads them the same way). */
type NamesIn<Path extends string> = Path extends `${string}:${infer Rest}`
  ? Rest extends `${infer Name}/${infer Tail}`
    ? Name | NamesIn<Tail>
    : Rest
  : never;
const namesIn = (path: string) => [...path.matchAll(/:([^/]*)/g)].map((match) => match[1]);

type UnknownNamesIn<Path extends string> = Exclude<NamesIn<Path>, PathParameterName>;

/** A name with no schema makes the declaration miss a property called after it, so it fails to compile. */
type KnownNamesOnly<Path extends string> = [UnknownNamesIn<Path>] extends [never]
  ? unknown
  : { [Name in UnknownNamesIn<Path> as `no schema in path-parameters.ts for :${Name}`]: never };

type ParamsOf<Path extends string> = z.ZodObject<{ [Name in NamesIn<Path> & PathParameterName]: (typeof pathParameters)[Name] }, z.core.$strip>;

const paramsOf = <Path extends string>(path: Path): ParamsOf<Path> => {
  const names = namesIn(path);
  // The type check catches this in the route files; this catches a path it could not read (typed only as `string`).
  const unknown = names.filter((name) => !Object.hasOwn(pathParameters, name));
  if (unknown.length > 0) {
    throw new Error(`participation: ${path} names path parameters with no schema in validation/path-parameters.ts: ${unknown.join(', ')}`);
  }
  return z.object(Object.fromEntries(names.map((name) => [name, pathParameters[name as PathParameterName]]))) as ParamsOf<Path>;
};

/**
 * Completes a declaration with the schema of its path's parameters and keeps its literal types, so
 * controllers get its exact input and output types (`params.roundId: string`).
 */
export const declareRoute = <const Spec extends RouteSpec>(spec: Spec & KnownNamesOnly<Spec['path']>): Spec & { params: ParamsOf<Spec['path']> } => ({
  ...spec,
  params: paramsOf(spec.path),
});

/** What `validate-request` leaves in `ctx.state.input` for a declared route. */
export interface RequestInput<Declaration extends RouteDeclaration> {
  params: z.output<Declaration['params']>;
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
