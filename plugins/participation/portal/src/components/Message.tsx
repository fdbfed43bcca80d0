import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

/**
 * A translated sentence with elements put in it where t() would put text: a title people wrote, in its
 * UserText, keeps its own `lang` inside the page's sentence ("Your proposal «X» was …", WCAG 3.1.2).
 */
export const Message = ({ id, values }: { id: MessageKey; values: Record<string, string | number | Date | ReactNode> }) => {
  const { i18n } = usePortal();
  return (
    <>
      {i18n.parts<ReactNode>(id, values).map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
};
