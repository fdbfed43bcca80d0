export type ParticipantRole = 'citizen' | 'municipal-staff' | 'moderator' | 'cso-facilitator';

/** The signed-in person as the portal sees them: no e-mail, no demographics. */
export interface Me {
  id: number;
  username: string;
  role: ParticipantRole | null;
  municipalities: Array<{ code: string; name: string }>;
  /** Self-declared facts that round eligibility reads; shown to the person themselves only. */
  profile: { residenceMunicipalityCode: string | null; birthDate: string | null; verifiedIn: string[] };
}

export namespace GetMe {
  export type Response = { data: Me };
}
