import type { Core } from '@strapi/strapi';
import { plainTextProblem } from '../domain/text/plain-text';
import { fieldError } from './field-error';

/** Usernames are shown as post and thread authors, whose column holds 100 characters. */
const MAX_USERNAME = 100;

/**
 * Usernames are plain text like every other name people see: checked on every write of a
 * users-permissions user (registration, the Content Manager, providers), since users-permissions'
 * own register validation only asks for a string.
 */
export const enforceUsernameRule = (strapi: Core.Strapi) => {
  const check = (event: { params: { data?: { username?: unknown } } }) => {
    const username = event.params.data?.username;
    if (typeof username !== 'string') return;
    const problem = plainTextProblem(username) ?? (username.length > MAX_USERNAME ? `must be at most ${MAX_USERNAME} characters` : null);
    if (problem) throw fieldError('username', problem);
  };
  strapi.db.lifecycles.subscribe({ models: ['plugin::users-permissions.user'], beforeCreate: check, beforeUpdate: check });
};
