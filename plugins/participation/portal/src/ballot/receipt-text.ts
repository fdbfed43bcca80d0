import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { Translator } from '../i18n/translator';

/** The receipt as a plain-text file to keep: the round, the code, the day, and what the code is for. */
export const receiptText = (i18n: Translator, round: Round, municipality: Municipality, receipt: { receiptCode: string; castAt: string }) =>
  [
    i18n.t('ballot.file.heading', { round: round.title }),
    municipality.name,
    '',
    i18n.t('ballot.file.code', { code: receipt.receiptCode }),
    i18n.t('ballot.file.date', { date: i18n.date(receipt.castAt) }),
    '',
    i18n.t('ballot.file.check'),
    '',
  ].join('\r\n');
