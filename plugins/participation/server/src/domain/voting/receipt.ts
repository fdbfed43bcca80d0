import { createHash, randomBytes } from 'crypto';
import { canonicalJson } from '../decision-log/canonical-json';

/**
 * A receipt is the ballot's code (random, stored with the ballot) followed by a check that commits to
 * the ballot as cast: a hash of the round, district, code, channel and choices. Anyone holding the
 * receipt can tell whether the published ballot under that code is still the one they cast.
 */

/** 31 characters without look-alikes (no I, L, O, 0, 1); 12 of them carry about 59 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;
const letters = (bytes: Uint8Array) => Array.from(bytes.subarray(0, LENGTH), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
const grouped = (text: string) => text.replace(/(.{4})(?!$)/g, '$1-');

export const newReceiptCode = () => grouped(letters(randomBytes(LENGTH)));

export interface BallotAsCast {
  roundDocumentId: string;
  districtCode: string;
  code: string;
  channel: string;
  choices: unknown;
}

export const receiptCheck = (ballot: BallotAsCast) =>
  grouped(
    letters(
      createHash('sha256')
        .update([ballot.roundDocumentId, ballot.districtCode, ballot.code, ballot.channel, canonicalJson(ballot.choices)].join('\u0000'))
        .digest()
    )
  );

export const receiptFor = (ballot: BallotAsCast) => `${ballot.code}-${receiptCheck(ballot)}`;

const CHAR = `[${ALPHABET}]`;
const GROUPS = `${CHAR}{4}-${CHAR}{4}-${CHAR}{4}`;
const RECEIPT = new RegExp(`^(${GROUPS})-(${GROUPS})$`);

/** The code and check of a receipt as typed (any case, surrounding spaces), or null if it is not one. */
export const parseReceipt = (receipt: string) => {
  const match = RECEIPT.exec(receipt.trim().toUpperCase());
  return match ? { code: match[1], check: match[2] } : null;
};
