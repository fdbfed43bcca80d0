import { usePortal } from './portal-context';

export interface OpenDataLink {
  /** What the file holds, in the page's language. */
  label: string;
  /** The API's address of the file (docs/open-data.md). */
  href: string;
  format: 'CSV' | 'JSON';
}

/** The files behind a page's figures, from the API's stable open-data addresses, each named with its format. */
export const OpenDataLinks = ({ id, links }: { id: string; links: OpenDataLink[] }) => {
  const { t } = usePortal().i18n;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('openData.heading')}</h2>
      <p className="hint">{t('openData.hint')}</p>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} type={link.format === 'CSV' ? 'text/csv' : 'application/json'}>
              {t('openData.link', { label: link.label, format: link.format })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};
