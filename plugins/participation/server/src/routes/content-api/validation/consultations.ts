import { z } from 'zod';
import { TARGET_GROUPS } from '../../../domain/proposals/statuses';
import { CONSULTATION_ACTIONS } from '../../../domain/consultations/consultation-status';
import { OFFLINE_INPUT_CHANNELS } from '../../../domain/consultations/input-channels';
import { recordedConsentSchema } from '../../../domain/consent/recorded-consent';
import { demographicDeclarationSchema } from '../../../domain/statistics/demographics';
import { writtenLanguageSchema } from '../../../domain/text/written-language';
import { SUMMARY_LINKS_MAX } from '../../../domain/consultations/summary-links';
import { dataBody, documentIdSchema, isoInstant, pageQuery, plainText } from './common';


const answers = z
  .array(z.object({ questionId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'is not a question id'), text: plainText(5000) }).strict())
  .min(1, 'answer at least one question')
  .max(50)
  .refine((list) => new Set(list.map((answer) => answer.questionId)).size === list.length, 'answers a question twice');

export const consultationBody = dataBody(
  z
    .object({
      topic: plainText(200),
      description: plainText(10_000).optional(),
      questions: z
        .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'use lowercase letters, digits and dashes'), text: plainText(1000) }).strict())
        .min(1, 'ask at least one question')
        .max(50)
        .refine((list) => new Set(list.map((question) => question.id)).size === list.length, 'two questions share an id'),
      targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]),
      opensAt: isoInstant,
      closesAt: isoInstant,
      language: writtenLanguageSchema,
    })
    .strict()
    .refine((consultation) => Date.parse(consultation.closesAt) > Date.parse(consultation.opensAt), { path: ['closesAt'], message: 'must be after opensAt' })
);

export const consultationTransitionBody = z.object({ action: z.enum(CONSULTATION_ACTIONS) }).strict();

export const onlineInputBody = dataBody(z.object({ answers, consent: z.literal(true, { message: 'must be true: input is stored only with consent' }) }).strict());

export const offlineInputBody = dataBody(
  z
    .object({
      channel: z.enum(OFFLINE_INPUT_CHANNELS),
      offlineReference: plainText(100),
      answers,
      consent: recordedConsentSchema,
      demographics: demographicDeclarationSchema.optional(),
    })
    .strict()
);

export const summaryBody = dataBody(
  z
    .object({
      themes: z.array(z.object({ title: plainText(200), description: plainText(4000) }).strict()).min(1, 'name at least one theme').max(50),
      proposalDocumentIds: z.array(documentIdSchema).max(SUMMARY_LINKS_MAX).default([]),
      commitmentDocumentIds: z.array(documentIdSchema).max(SUMMARY_LINKS_MAX).default([]),
    })
    .strict()
);

export const listInputsQuery = z.object({ ...pageQuery }).strict();
