import { z } from 'zod';
import { instantSchema, single } from './common';
import { PARTICIPANT_ROLES } from '../../server/src/domain/access/roles';

export const participantRoleSchema = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;

/** The signed-in person as the portal sees them: no e-mail, no demographics. */
export const meSchema = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  /** null for a role that is none of the participant roles. */
  role: participantRoleSchema.nullable(),
  municipalities: z.array(z.strictObject({ code: z.string(), name: z.string() })),
  /** Self-declared facts that round eligibility reads; shown to the person themselves only. */
  profile: z.strictObject({
    residenceMunicipalityCode: z.string().nullable(),
    /** A calendar date such as 2001-09-30. */
    birthDate: z.string().nullable(),
    verifiedIn: z.array(z.string()),
  }),
  /**
   * Whether optional demographics were declared (`PUT /me/demographics`, with consent). What was
   * declared is never returned, not even here: it only feeds suppressed aggregates.
   */
  demographics: z.strictObject({ declared: z.boolean(), consentGivenAt: instantSchema.nullable() }),
});
export type Me = z.infer<typeof meSchema>;

export const meAnswerSchema = single(meSchema);

export namespace GetMe {
  export type Response = z.infer<typeof meAnswerSchema>;
}
