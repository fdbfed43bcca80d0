import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import type { GenderMarker, YouthMarker } from '../domain/budget-lines/markers';
import { columnOf, tableOf } from './metadata';

/**
 * The budget lines' table, owned by services/budget-line.ts, which writes it through the Document Service
 * and sums its amounts with one knex query (the Document Service has no aggregates).
 */
export const budgetLineTables = (strapi: Core.Strapi) => ({
  lines: tableOf(strapi, UID.budgetLine),
  column: (attribute: string) => columnOf(strapi, UID.budgetLine, attribute),
});

/** A budget line as the Document Service returns it (`sdgTargets`, JSON, is read with readJson). */
export interface BudgetLineRow {
  id: number;
  documentId: string;
  municipalityCode: string;
  fiscalYear: number;
  code: string;
  name: string;
  programme: string | null;
  functionalClassification: string | null;
  approvedMinor: string;
  revisedMinor: string;
  committedMinor: string;
  spentMinor: string;
  genderMarker: GenderMarker;
  youthMarker: YouthMarker;
  sdgTargets: unknown;
}
