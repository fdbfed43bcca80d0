import { useId, type ReactNode } from 'react';

/**
 * A table wider than a phone, in a region of its own that scrolls sideways while the page reflows at
 * 320 px (WCAG 1.4.10 lets data tables scroll). The region is focusable, so that a keyboard can scroll
 * it, and named by the table's caption, so that a screen reader says what it is on the way in.
 */
export const TableRegion = ({ caption, className, children }: { caption: ReactNode; className?: string; children: ReactNode }) => {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
};
