import { formatMinor } from '../../../server/src/domain/money/amount';
import type { BallotRules } from '../../../server/src/domain/rounds/round-settings';
import type { BallotTally } from '../ballot/ballot-tally';
import type { MessageKey, MessageValues } from '../i18n/translator';
import { usePortal } from './portal-context';

/**
 * The running count on the ballot form: proposals chosen, cost so far and what is left, points left.
 * Each part carries its message with placeholders, which ballot.js fills in as the voter chooses; the
 * status region announces the change politely and never takes the focus.
 */
export const BallotTallyStatus = ({ rules, tally, currency }: { rules: BallotRules; tally: BallotTally | null; currency: string }) => {
  const { i18n } = usePortal();
  const money = (minor: bigint) => i18n.money(formatMinor(minor), currency);
  const costMinor = tally?.costMinor ?? 0n;
  const parts: Array<{ part: string; key: MessageKey; values: MessageValues; placeholders: MessageValues }> = [];
  if (rules.kind === 'cumulative') {
    const given = tally?.pointsGiven ?? 0;
    parts.push({
      part: 'points',
      key: 'ballot.tally.points',
      values: { given: i18n.number(given), left: i18n.number((rules.totalPoints ?? 0) - given) },
      placeholders: { given: '{given}', left: '{left}' },
    });
  } else if (rules.kind !== 'choose-1') {
    parts.push({ part: 'count', key: 'ballot.tally.count', values: { count: i18n.number(tally?.chosen.length ?? 0) }, placeholders: { count: '{count}' } });
  }
  if (rules.kind !== 'choose-1') parts.push({ part: 'cost', key: 'ballot.tally.cost', values: { spent: money(costMinor) }, placeholders: { spent: '{spent}' } });
  if (rules.maxCost !== undefined) {
    parts.push({ part: 'left', key: 'ballot.tally.left', values: { left: money(BigInt(rules.maxCost) - costMinor) }, placeholders: { left: '{left}' } });
  }
  if (parts.length === 0) return null;
  return (
    <p className="ballot-tally" role="status" aria-live="polite">
      {parts.map(({ part, key, values, placeholders }) => (
        <span key={part} className="ballot-tally__part" data-tally={part} data-template={i18n.t(key, placeholders)}>
          {`${i18n.t(key, values)} `}
        </span>
      ))}
    </p>
  );
};
