import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/** The consultations' tables, owned by services/consultation.ts; the inputs are counted per channel with knex (no aggregates in the Document Service). */
export const consultationTables = (strapi: Core.Strapi) => ({
  consultations: tableOf(strapi, UID.consultation),
  inputs: tableOf(strapi, UID.consultationInput),
});
