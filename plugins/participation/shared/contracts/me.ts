import type { ParticipantRole } from '../../server/src/domain/access/roles';

export type { ParticipantRole };

/** The signed-in person as the portal sees them: no e-mail, no demographics. */
export interface Me {
  id: number;
  username: string;
  role: ParticipantRole | null;
  municipalities: Array<{ code: string; name: string }>;
  /** Self-declared facts that round eligibility reads; shown to the person themselves only. */
  profile: { residenceMunicipalityCode: string | null; birthDate: string | null; verifiedIn: string[] };
  /**
   * Whether optional demographics were declared (`PUT /me/demographics`, with consent). What was
   * declared is never returned, not even here: it only feeds suppressed aggregates.
   */
  demographics: { declared: boolean; consentGivenAt: string | null };
}

export namespace GetMe {
  export type Response = { data: Me };
}
