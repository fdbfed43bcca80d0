import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import type { CommitmentKind, CommitmentStatus } from '../domain/dialogue-groups/commitments';
import { tableOf } from './metadata';

/** The commitments register's table, owned by services/commitment.ts (meetings' minutes create rows in it through the query engine). */
export const commitmentTables = (strapi: Core.Strapi) => ({
  commitments: tableOf(strapi, UID.commitment),
});

/** A commitment as the query engine returns it. */
export interface CommitmentRow {
  id: number;
  documentId: string;
  groupDocumentId: string;
  meetingDocumentId: string;
  municipalityCode: string;
  kind: CommitmentKind;
  text: string;
  owner: string;
  dueDate: string | null;
  status: CommitmentStatus;
  statusNote: string | null;
  /** The proposal a recommendation became, or `pending-…` while a conversion claims it. */
  proposalDocumentId: string | null;
}

/** One step in a commitment's public history, as the query engine returns it. */
export interface CommitmentStatusChangeRow {
  commitmentDocumentId: string;
  fromStatus: CommitmentStatus | null;
  toStatus: CommitmentStatus;
  note: string | null;
  changedAt: string;
}
