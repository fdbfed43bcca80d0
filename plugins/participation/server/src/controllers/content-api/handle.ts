import type { Context } from 'koa';
import type { z } from 'zod';
import { errors } from '@strapi/utils';
import type { RequestInput, RouteDeclaration } from '../../routes/content-api/declare-route';

/** The signed-in person as the route's auth strategy leaves them. */
export interface SignedInUser {
  id: number;
  username: string;
}

/** A controller's context: Koa's, with the validated input of its route and the caller. */
export type RouteContext<Declaration extends RouteDeclaration> = Context & {
  state: { input: RequestInput<Declaration>; user?: SignedInUser };
};

/** What the route answers on success, as its response schema accepts it. */
export type AnswerOf<Declaration extends RouteDeclaration> = Declaration['status'] extends 204 ? void : z.input<Declaration['response']>;

/**
 * A content-API action: takes the input `validate-request` parsed from the route's declaration, calls one
 * service method and returns the answer, which `handle` sends with the declared status. The answer's type
 * is checked against the declared response schema at compile time (and at run time in the test suites).
 */
export const handle =
  <Declaration extends RouteDeclaration>(
    declaration: Declaration,
    run: (input: RequestInput<Declaration>, ctx: RouteContext<Declaration>) => Promise<AnswerOf<Declaration>>
  ) =>
  async (ctx: RouteContext<Declaration>) => {
    const answer = await run(ctx.state.input, ctx);
    ctx.status = declaration.status ?? 200;
    if (declaration.status !== 204) ctx.body = answer;
  };

/** The caller of a route the access table opens only to signed-in people. */
export const callerOf = (ctx: { state: { user?: SignedInUser } }): SignedInUser => {
  // The access policy already refused anonymous callers; this guards a route wrongly declared public.
  if (!ctx.state.user) throw new errors.UnauthorizedError('Sign in to do this.');
  return ctx.state.user;
};
