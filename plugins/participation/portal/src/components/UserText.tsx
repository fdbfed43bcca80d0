import type { ReactNode } from 'react';
import type { PortalLanguage } from '../i18n/languages';
import { TEXT_DIRECTIONS } from '../i18n/languages';
import { usePortal } from './portal-context';

/** The language an item is written in: its own when it names one, else its municipality's content language. */
export const writtenIn = (item: { language: PortalLanguage | null }, municipality: { contentLanguage: PortalLanguage }): PortalLanguage =>
  item.language ?? municipality.contentLanguage;

type UserTextProps = { language: PortalLanguage; className?: string } & (
  | { as?: 'span'; children: ReactNode }
  | { as: 'p' | 'div'; children: ReactNode }
  /** Rich text the API has sanitised (posts, agendas, minutes). */
  | { as: 'div'; html: string }
);

/** A text people wrote as an element, for a route or a list of steps that builds a page's parts outside JSX. */
export const userText = (text: string, language: PortalLanguage) => <UserText language={language}>{text}</UserText>;

/**
 * Text people wrote (titles, descriptions, posts), marked with its own language and direction when it is
 * not the page's, so that a screen reader reads an English description on an Albanian page as English
 * (WCAG 3.1.2). When the languages match it adds nothing: inline text stays as it is, and a paragraph
 * or block is the plain element.
 */
export const UserText = (props: UserTextProps) => {
  const { lang } = usePortal();
  const own = props.language === lang ? {} : { lang: props.language, dir: TEXT_DIRECTIONS[props.language] };
  const Element = props.as ?? 'span';
  if (Element === 'span' && !('lang' in own) && 'children' in props) return <>{props.children}</>;
  if ('html' in props) return <div className={props.className} {...own} dangerouslySetInnerHTML={{ __html: props.html }} />;
  return (
    <Element className={props.className} {...own}>
      {props.children}
    </Element>
  );
};
