import type { LineLeft } from '../workspace/review-queue';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { usePortal } from './portal-context';
import { Message } from './Message';
import { UserText } from './UserText';

/** A proposal's budget lines, each with what it has left, or said to be missing when the year has no such line. Staff name lines in their municipality's content language. */
export const LinesLeft = ({ lines, municipality }: { lines: readonly LineLeft[]; municipality: Pick<Municipality, 'currency' | 'contentLanguage'> }) => {
  const { i18n } = usePortal();
  return (
    <ul className="inline-list">
      {lines.map((line) => (
        <li key={line.code}>
          {line.name === null || line.left === null
            ? i18n.t('wsReview.lineMissing', { code: line.code, year: String(line.fiscalYear) })
            : <Message id="wsReview.lineLeft" values={{ code: line.code, name: <UserText language={municipality.contentLanguage}>{line.name}</UserText>, left: i18n.money(line.left, municipality.currency) }} />}
        </li>
      ))}
    </ul>
  );
};
