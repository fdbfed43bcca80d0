import type { RecordedConsent } from '../../../../shared/contracts/common';
import type { DemographicDeclaration } from '../statistics/demographics';

/**
 * A line of a meeting's sign-in sheet as entered: one object, so that a mistake is named by its field.
 * Request validation makes sure it names an account or a paper line, not both.
 */
export interface AttendanceLine {
  userId?: number;
  offlineReference?: string;
  consent?: RecordedConsent;
  demographics?: DemographicDeclaration;
}

/** Someone who attended: an account (its demographics are its own declaration) or a paper line with what was recorded for it. */
export type Attendee = { userId: number } | { offlineReference: string; consent?: RecordedConsent; demographics?: DemographicDeclaration };

export const toAttendee = ({ userId, offlineReference, consent, demographics }: AttendanceLine): Attendee => {
  if (userId !== undefined) return { userId };
  if (offlineReference === undefined) throw new TypeError('An attendance line names an account or a paper line.');
  return { offlineReference, ...(consent ? { consent } : {}), ...(demographics ? { demographics } : {}) };
};
