/**
 * A project's implementation record as the Document Service returns it (`milestones`, JSON, is read with
 * readJson). services/implementation.ts reads it through the Document Service only, so no table is named here.
 */
export interface ImplementationRow {
  id: number;
  documentId: string;
  proposalDocumentId: string;
  municipalityCode: string;
  progressPercent: number;
  spentMinor: string;
  milestones: unknown;
  recordedById: number | null;
  updatedAt: string;
}
