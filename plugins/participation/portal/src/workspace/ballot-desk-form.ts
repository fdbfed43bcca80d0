import { z } from 'zod';
import type { CastAssistedBallot } from '../../../shared/contracts/rounds';
import { ASSISTED_CHANNELS, type AssistedChannel } from '../../../server/src/domain/voting/channels';
import { CONSENT_METHODS, type ConsentMethod, recordedConsentSchema } from '../../../server/src/domain/consent/recorded-consent';
import { birthDate } from '../../../server/src/routes/content-api/validation/birth-date';
import { ballotRoutes } from '../../../server/src/routes/content-api/ballots';
import type { BallotKind } from '../../../server/src/domain/voting/ballot-kinds';
import type { FieldErrors } from '../components/ErrorSummary';
import { text, type FormValues } from '../http/portal-route';
import { ballotBodyOf, ballotValuesOf, CHOICES_FIELD, type BallotFormValues } from '../ballot/ballot-form';
import { zodIssuePaths } from './form-errors';

/**
 * The ballot desk's form as the facilitator filled it in: how the ballot came (paper or assisted), the
 * person (an offline reference with stated residence and birth date, or an account's e-mail), their
 * consent, and the ballot. Kept when the form comes back with errors.
 */
export interface DeskValues {
  channel: string;
  offlineReference: string;
  residenceMunicipalityCode: string;
  birthDate: string;
  email: string;
  consent: boolean;
  consentMethod: string;
  consentNote: string;
  ballot: BallotFormValues;
}

/** What stays from one ballot to the next in a stack of forms: how they came and how consent was given. */
export interface DeskHabits {
  channel: AssistedChannel;
  consentMethod: ConsentMethod;
}

export const DEFAULT_HABITS: DeskHabits = { channel: 'paper', consentMethod: 'signed-form' };

export const emptyDeskValues = (habits: DeskHabits): DeskValues => ({
  ...habits,
  offlineReference: '',
  residenceMunicipalityCode: '',
  birthDate: '',
  email: '',
  consent: false,
  consentNote: '',
  ballot: { projects: [], numbers: {} },
});

export const deskValuesOf = (form: FormValues, kind: BallotKind): DeskValues => ({
  channel: text(form, 'channel'),
  offlineReference: text(form, 'offlineReference').trim(),
  residenceMunicipalityCode: text(form, 'residenceMunicipalityCode').trim(),
  birthDate: text(form, 'birthDate').trim(),
  email: text(form, 'email').trim(),
  consent: text(form, 'consent') === 'given',
  consentMethod: text(form, 'consentMethod'),
  consentNote: text(form, 'consentNote'),
  ballot: ballotValuesOf(form, kind),
});

/** The person as the form names them, before an e-mail is looked up. */
export type DeskPerson = { email: string } | Extract<CastAssistedBallot.Body['participant'], { offlineReference: string }>;

/** A desk form whose every field reads: the API's body but for the participant, and the person to find. */
export interface DeskEntry {
  person: DeskPerson;
  body: Omit<CastAssistedBallot.Body, 'participant'>;
}

const emailSchema = z.email().max(254);

const isOneOf = <T extends string>(options: readonly T[], value: string): value is T => options.includes(value as T);

/** The person: an account's e-mail, or an offline reference with the residence and birth date they state. */
const personOf = (values: DeskValues, municipalityCodes: ReadonlySet<string>, errors: FieldErrors): DeskPerson | null => {
  if (values.email && values.offlineReference) {
    errors.email = 'wsDesk.error.bothPeople';
    return null;
  }
  if (values.email) {
    if (emailSchema.safeParse(values.email).success) return { email: values.email.toLowerCase() };
    errors.email = 'wsDesk.error.email';
    return null;
  }
  const before = Object.keys(errors).length;
  if (values.offlineReference.length < 4 || values.offlineReference.length > 120) {
    errors.offlineReference = values.offlineReference ? 'wsDesk.error.offlineReference' : 'wsDesk.error.noPerson';
  }
  if (!municipalityCodes.has(values.residenceMunicipalityCode)) errors.residenceMunicipalityCode = 'wsDesk.error.residence';
  if (values.birthDate && !birthDate.safeParse(values.birthDate).success) errors.birthDate = 'wsDesk.error.birthDate';
  if (Object.keys(errors).length > before) return null;
  return {
    offlineReference: values.offlineReference,
    residenceMunicipalityCode: values.residenceMunicipalityCode,
    ...(values.birthDate ? { birthDate: values.birthDate } : {}),
  };
};

/**
 * The desk's form read, or every field that is wrong at once (each beside its field); a stated residence
 * must be among `knownMunicipalityCodes`. The ballot's own rules (limits, district) are the ballot
 * service's, checked after this exactly as for a voter.
 */
export const deskEntryOf = (values: DeskValues, kind: BallotKind, knownMunicipalityCodes: ReadonlySet<string>): DeskEntry | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  if (!isOneOf(ASSISTED_CHANNELS, values.channel)) errors.channel = 'wsDesk.error.channel';
  const person = personOf(values, knownMunicipalityCodes, errors);
  if (!values.consent) errors.consent = 'wsDesk.error.consent';
  if (!isOneOf(CONSENT_METHODS, values.consentMethod)) errors.consentMethod = 'wsDesk.error.consentMethod';
  const consent = recordedConsentSchema.safeParse({ given: true, method: values.consentMethod, ...(values.consentNote.trim() ? { note: values.consentNote } : {}) });
  if (!consent.success && zodIssuePaths(consent.error).includes('note')) errors.consentNote = 'wsDesk.error.consentNote';
  const ballot = ballotBodyOf(values.ballot, kind);
  if ('errors' in ballot) Object.assign(errors, ballot.errors);
  if (!person || !consent.success || 'errors' in ballot || !isOneOf(ASSISTED_CHANNELS, values.channel) || Object.keys(errors).length > 0) return { errors };
  return { person, body: { ...ballot.body, channel: values.channel, consent: consent.data } };
};

/** The whole body for the ballot service, through the API's own schema: a facilitator's client would send the same. */
export const assistedBodyOf = (entry: DeskEntry, participant: CastAssistedBallot.Body['participant']): CastAssistedBallot.Body | { errors: FieldErrors } => {
  const parsed = ballotRoutes.castAssisted.body.safeParse({ ...entry.body, participant });
  if (parsed.success) return parsed.data;
  return { errors: { [CHOICES_FIELD]: 'ballot.error.choices' } };
};
