import type { Paginated, RecordedConsent } from './common';
import type { Forum } from './forums';
import type { Meeting } from './dialogue-groups';
import type { TargetGroup } from './rounds';
import type { DisaggregatedStatistics, PublishedCount } from './statistics';
import type { ConsultationStatus } from '../../server/src/domain/consultations/consultation-status';
import type { InputChannel } from '../../server/src/domain/consultations/input-channels';

export type { ConsultationStatus };
export type { InputChannel };

export interface ConsultationQuestion {
  id: string;
  text: string;
}

export interface ConsultationSummary {
  publishedAt: string;
  /** Inputs (= respondents) by channel, suppressed like the participation statistics of the same people. */
  inputsByChannel: Record<InputChannel, PublishedCount>;
  /** Who took part, suppressed below k; frozen when the summary is published. */
  participation: DisaggregatedStatistics;
  themes: Array<{ title: string; description: string }>;
  proposals: Array<{ documentId: string; title: string }>;
  commitments: Array<{ documentId: string; text: string }>;
}

export interface Consultation {
  documentId: string;
  municipalityCode: string;
  topic: string;
  description: string | null;
  questions: ConsultationQuestion[];
  targetGroups: TargetGroup[];
  opensAt: string;
  closesAt: string;
  status: ConsultationStatus;
  forums: Forum[];
  meetings: Array<Pick<Meeting, 'documentId' | 'title' | 'startsAt' | 'status'>>;
  summary: ConsultationSummary | null;
}

export interface ConsultationInput {
  topic: string;
  description?: string;
  questions: ConsultationQuestion[];
  targetGroups?: TargetGroup[];
  opensAt: string;
  closesAt: string;
}

/** Body of `POST /consultations/:id/inputs` (online; a second one replaces the first). */
export interface OnlineInput {
  answers: Array<{ questionId: string; text: string }>;
  consent: true;
}

/** Body of `POST /municipalities/:code/consultations/:id/offline-inputs`, entered by a facilitator. */
export interface OfflineInput {
  channel: Exclude<InputChannel, 'online'>;
  offlineReference: string;
  answers: Array<{ questionId: string; text: string }>;
  consent: RecordedConsent;
  /** The respondent's own declaration (as `PUT /me/demographics`, its own `consent: true` included). */
  demographics?: unknown;
}

/** What facilitators and staff read: the answers and their channel, never who gave them. */
export interface RecordedInput {
  documentId: string;
  channel: InputChannel;
  answers: Array<{ questionId: string; text: string }>;
  recordedAt: string;
}

export interface SummaryInput {
  themes: Array<{ title: string; description: string }>;
  proposalDocumentIds?: string[];
  commitmentDocumentIds?: string[];
}

export type ListConsultations = Paginated<Omit<Consultation, 'forums' | 'meetings'>>;
