import { z } from 'zod';
import { parseReceipt } from '../../../server/src/domain/voting/receipt';

/** What the confirmation hands to the receipt page through the session's flash: never through the address. */
export const ballotReceiptSchema = z.object({
  roundDocumentId: z.string(),
  receiptCode: z.string().refine((code) => parseReceipt(code) !== null),
  castAt: z.string().datetime(),
  replaced: z.boolean(),
});
export type BallotReceipt = z.infer<typeof ballotReceiptSchema>;

/** The flash for this round's receipt page, or null (read already, or another round's). */
export const receiptFromFlash = (flash: string | null, roundDocumentId: string): BallotReceipt | null => {
  if (!flash) return null;
  const parsed = ballotReceiptSchema.safeParse(JSON.parse(flash));
  return parsed.success && parsed.data.roundDocumentId === roundDocumentId ? parsed.data : null;
};
