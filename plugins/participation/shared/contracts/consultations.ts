import { z } from 'zod';
import { INPUT_CHANNELS, OFFLINE_INPUT_CHANNELS, type OfflineInputChannel } from '../../server/src/domain/consultations/input-channels';
import { CONSULTATION_STATUSES } from '../../server/src/domain/consultations/consultation-status';
import { TARGET_GROUPS } from '../../server/src/domain/proposals/statuses';
import { instantSchema, paginated, single, writtenLanguageAnswerSchema, type RecordedConsent } from './common';
import type { PortalLanguage } from '../../portal/src/i18n/languages';
import { meetingSchema } from './dialogue-groups';
import { forumSchema } from './forums';
import { disaggregatedStatisticsSchema, publishedCountSchema } from './statistics';

export type { InputChannel } from '../../server/src/domain/consultations/input-channels';
export type { ConsultationStatus } from '../../server/src/domain/consultations/consultation-status';

export const consultationQuestionSchema = z.strictObject({ id: z.string(), text: z.string() });
export type ConsultationQuestion = z.infer<typeof consultationQuestionSchema>;

const answersSchema = z.array(z.strictObject({ questionId: z.string(), text: z.string() }));

export const consultationSummarySchema = z.strictObject({
  publishedAt: instantSchema,
  /** Inputs (= respondents) by channel, suppressed like the participation statistics of the same people. */
  inputsByChannel: z.record(z.enum(INPUT_CHANNELS), publishedCountSchema),
  /** Who took part, suppressed below k; frozen when the summary is published. */
  participation: disaggregatedStatisticsSchema,
  themes: z.array(z.strictObject({ title: z.string(), description: z.string() })),
  proposals: z.array(z.strictObject({ documentId: z.string(), title: z.string() })),
  commitments: z.array(z.strictObject({ documentId: z.string(), text: z.string() })),
});
export type ConsultationSummary = z.infer<typeof consultationSummarySchema>;

export const consultationSchema = z.strictObject({
  documentId: z.string(),
  municipalityCode: z.string(),
  topic: z.string(),
  description: z.string().nullable(),
  questions: z.array(consultationQuestionSchema),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  opensAt: instantSchema,
  closesAt: instantSchema,
  status: z.enum(CONSULTATION_STATUSES),
  forums: z.array(forumSchema),
  meetings: z.array(meetingSchema.pick({ documentId: true, title: true, startsAt: true, status: true, language: true })),
  summary: consultationSummarySchema.nullable(),
  language: writtenLanguageAnswerSchema,
});
export type Consultation = z.infer<typeof consultationSchema>;

export const consultationListSchema = paginated(consultationSchema.omit({ forums: true, meetings: true }));
export type ListConsultations = z.infer<typeof consultationListSchema>;
export const consultationAnswerSchema = single(consultationSchema);

export interface ConsultationInput {
  topic: string;
  description?: string;
  questions: ConsultationQuestion[];
  targetGroups?: Consultation['targetGroups'];
  opensAt: string;
  closesAt: string;
  language?: PortalLanguage | null;
}

/** Body of `POST /consultations/:id/inputs` (online; a second one replaces the first). */
export interface OnlineInput {
  answers: Array<{ questionId: string; text: string }>;
  consent: true;
}
/** Whether the input was stored, and whether it replaced the person's earlier one. */
export const onlineInputAnswerSchema = single(z.strictObject({ recorded: z.literal(true), replaced: z.boolean() }));

/** Body of `POST /municipalities/:code/consultations/:id/offline-inputs`, entered by a facilitator. */
export interface OfflineInput {
  channel: OfflineInputChannel;
  offlineReference: string;
  answers: Array<{ questionId: string; text: string }>;
  consent: RecordedConsent;
  /** The respondent's own declaration (as `PUT /me/demographics`, its own `consent: true` included). */
  demographics?: unknown;
}
export const offlineInputAnswerSchema = single(z.strictObject({ documentId: z.string(), channel: z.enum(OFFLINE_INPUT_CHANNELS) }));

/** What facilitators and staff read: the answers and their channel, never who gave them. */
export const recordedInputSchema = z.strictObject({
  documentId: z.string(),
  channel: z.enum(INPUT_CHANNELS),
  answers: answersSchema,
  recordedAt: instantSchema,
});
export type RecordedInput = z.infer<typeof recordedInputSchema>;
export const recordedInputListSchema = paginated(recordedInputSchema);

export interface SummaryInput {
  themes: Array<{ title: string; description: string }>;
  proposalDocumentIds?: string[];
  commitmentDocumentIds?: string[];
}
