import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/** The statistics' table, owned by services/statistics.ts: each closed population's published tables, append-only. */
export const statisticsTables = (strapi: Core.Strapi) => ({
  publications: tableOf(strapi, UID.statisticsPublication),
});
