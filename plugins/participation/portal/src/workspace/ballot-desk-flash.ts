import { z } from 'zod';
import { ASSISTED_CHANNELS } from '../../../server/src/domain/voting/channels';
import { CONSENT_METHODS } from '../../../server/src/domain/consent/recorded-consent';
import { parseReceipt } from '../../../server/src/domain/voting/receipt';

/**
 * What the desk's POST hands to the empty form it redirects to, through the session's flash (never the
 * address): the last ballot's receipt, shown once to hand over, and how the stack's ballots come in.
 */
const deskFlashSchema = z.object({
  roundDocumentId: z.string(),
  receipt: z.object({
    receiptCode: z.string().refine((code) => parseReceipt(code) !== null),
    castAt: z.iso.datetime(),
    channel: z.enum(ASSISTED_CHANNELS),
  }),
  habits: z.object({ channel: z.enum(ASSISTED_CHANNELS), consentMethod: z.enum(CONSENT_METHODS) }),
});
export type DeskFlash = z.infer<typeof deskFlashSchema>;

/** The flash for this round's desk, or null (read already, another round's, or another page's message). */
export const deskFlashOf = (flash: string | null, roundDocumentId: string): DeskFlash | null => {
  if (!flash) return null;
  let message: unknown;
  try {
    message = JSON.parse(flash);
  } catch {
    return null;
  }
  const parsed = deskFlashSchema.safeParse(message);
  return parsed.success && parsed.data.roundDocumentId === roundDocumentId ? parsed.data : null;
};
