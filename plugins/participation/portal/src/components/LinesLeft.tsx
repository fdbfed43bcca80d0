import type { LineLeft } from '../workspace/review-queue';
import { usePortal } from './portal-context';

/** A proposal's budget lines, each with what it has left, or said to be missing when the year has no such line. */
export const LinesLeft = ({ lines, currency }: { lines: readonly LineLeft[]; currency: string }) => {
  const { i18n } = usePortal();
  return (
    <ul className="inline-list">
      {lines.map((line) => (
        <li key={line.code}>
          {line.name === null || line.left === null
            ? i18n.t('wsReview.lineMissing', { code: line.code, year: String(line.fiscalYear) })
            : i18n.t('wsReview.lineLeft', { code: line.code, name: line.name, left: i18n.money(line.left, currency) })}
        </li>
      ))}
    </ul>
  );
};
