/**
 * Who may vote in a round: residents of the municipality, within an age band on a stated date (youth
 * rounds, e.g. 14–29 on the first voting day), and optionally only verified participants.
 */
export interface EligibilityRules {
  residentsOnly: boolean;
  minAge?: number;
  maxAge?: number;
  /** ISO date on which age is measured. */
  ageOnDate?: string;
  verifiedParticipantsOnly: boolean;
}

export interface VoterFacts {
  residenceMunicipalityCode: string | null;
  /** ISO date (YYYY-MM-DD) */
  birthDate: string | null;
  verified: boolean;
}

export type EligibilityDecision = { eligible: true } | { eligible: false; field: string; reason: string };

/** Whole years between an ISO birth date and an ISO date, as a birthday calendar counts them. */
export const ageOn = (birthDate: string, onDate: string): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

export const decideEligibility = (rules: EligibilityRules, municipalityCode: string, voter: VoterFacts): EligibilityDecision => {
  if (rules.residentsOnly && voter.residenceMunicipalityCode !== municipalityCode) {
    return { eligible: false, field: 'residence', reason: `only residents of ${municipalityCode} may vote in this round` };
  }
  if (rules.minAge !== undefined || rules.maxAge !== undefined) {
    if (!voter.birthDate) return { eligible: false, field: 'birthDate', reason: 'this round has an age limit: a birth date is needed' };
    const age = ageOn(voter.birthDate, rules.ageOnDate!);
    if (rules.minAge !== undefined && age < rules.minAge) {
      return { eligible: false, field: 'birthDate', reason: `voters must be at least ${rules.minAge} on ${rules.ageOnDate}` };
    }
    if (rules.maxAge !== undefined && age > rules.maxAge) {
      return { eligible: false, field: 'birthDate', reason: `voters must be at most ${rules.maxAge} on ${rules.ageOnDate}` };
    }
  }
  if (rules.verifiedParticipantsOnly && !voter.verified) {
    return { eligible: false, field: 'verified', reason: 'only verified participants may vote in this round' };
  }
  return { eligible: true };
};
