import type { Core } from '@strapi/strapi';
import type services from '../services';

/** Every service of the plugin by name, with the type its factory returns. */
export type ParticipationServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

/**
 * The plugin's services, typed (as content-releases' `getService`): a wrong name or a wrong argument is a
 * compile error, and an event published through `events` must carry its catalogue payload.
 */
export const getService = <Name extends keyof ParticipationServices>(strapi: Core.Strapi, name: Name): ParticipationServices[Name] =>
  strapi.plugin('participation').service(name) as ParticipationServices[Name];
