import type { Poster } from '../../services/forum';
import { callerOf, type SignedInUser } from './handle';

/** The signed-in author as posting and reporting need them: who, under which name, and from which address (rate limits count both). */
export const posterOf = (ctx: { state: { user?: SignedInUser }; request: { ip: string } }): Poster => {
  const { id, username } = callerOf(ctx);
  return { id, username, address: ctx.request.ip };
};
