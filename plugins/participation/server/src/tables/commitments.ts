import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/** The commitments register's table, owned by services/commitment.ts (meetings' minutes create rows in it through the query engine). */
export const commitmentTables = (strapi: Core.Strapi) => ({
  commitments: tableOf(strapi, UID.commitment),
});
