import { REPORT_REASONS } from '../../../server/src/domain/forums/report-reasons';

/**
 * The reasons a moderator gives for hiding, restoring, locking or unlocking: the report reasons, or
 * `resolved` once the matter is settled (what the API's post moderation accepts). Thread steps use the
 * same fixed list in the workspace, so the public record can name each in every language.
 */
export const MODERATOR_REASONS = [...REPORT_REASONS, 'resolved'] as const;
export type ModeratorReason = (typeof MODERATOR_REASONS)[number];
