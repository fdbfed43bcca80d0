import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/**
 * The forum aggregate's tables, owned by services/forum.ts: forums, their threads, posts, reactions and
 * follows. Moderation (services/moderation.ts) also updates posts' visibility and report counters and
 * threads' locked and pinned flags, in its own transactions with its log.
 */
export const forumTables = (strapi: Core.Strapi) => ({
  forums: tableOf(strapi, UID.forum),
  threads: tableOf(strapi, UID.forumThread),
  posts: tableOf(strapi, UID.forumPost),
  reactions: tableOf(strapi, UID.forumReaction),
  follows: tableOf(strapi, UID.threadFollow),
});
