import { REPORT_REASONS } from '../../../server/src/domain/forums/report-reasons';
import { SUSPENSION_LIFT_REASONS } from '../../../server/src/domain/forums/moderation-actions';
import type { MessageKey, Translator } from '../i18n/translator';

/** The system's and moderators' fixed reasons besides the report reasons: hidden after reports, a matter resolved, a lifted suspension's. */
const MODERATOR_REASONS: readonly string[] = ['reports', 'resolved', ...SUSPENSION_LIFT_REASONS];

/**
 * A moderation reason in the page's language. Thread actions take a moderator's own short reason, which
 * is shown as they wrote it.
 */
export const reasonWords = (i18n: Translator, reason: string): string => {
  if ((REPORT_REASONS as readonly string[]).includes(reason)) return i18n.t(`report.reason.${reason}` as MessageKey);
  if (MODERATOR_REASONS.includes(reason)) return i18n.t(`moderation.reason.${reason}` as MessageKey);
  return reason;
};
