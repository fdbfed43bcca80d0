import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import type { ConsultationStatus } from '../domain/consultations/consultation-status';
import type { InputChannel } from '../domain/consultations/input-channels';
import type { StoredBigInt } from './column-values';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';
import { tableOf } from './metadata';

/** The consultations' tables, owned by services/consultation.ts; the inputs are counted per channel with knex (no aggregates in the Document Service). */
export const consultationTables = (strapi: Core.Strapi) => ({
  consultations: tableOf(strapi, UID.consultation),
  inputs: tableOf(strapi, UID.consultationInput),
});

// The rows as the query engine returns them. JSON attributes are `unknown`, read with readJson.

export interface ConsultationRow {
  id: number;
  documentId: string;
  municipalityCode: string;
  topic: string;
  description: string | null;
  questions: unknown;
  targetGroups: unknown;
  opensAt: string;
  closesAt: string;
  status: ConsultationStatus;
  summary: unknown;
  language: PortalLanguage | null;
}

export interface ConsultationInputRow {
  id: number;
  documentId: string;
  consultationDocumentId: string;
  channel: InputChannel;
  answers: unknown;
  userId: number | null;
  offlineReference: string | null;
  demographics: unknown;
  createdAt: string;
}

/** The inputs counted per channel, as knex reads them. */
export interface InputCountRow {
  channel: InputChannel;
  n: StoredBigInt;
}
