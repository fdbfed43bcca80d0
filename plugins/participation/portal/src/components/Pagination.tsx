import { usePortal } from './portal-context';

/** Previous and next links that keep the current filters; "page 2 of 7" between them. */
export const Pagination = ({ page, pageCount, hrefOf }: { page: number; pageCount: number; hrefOf: (page: number) => string }) => {
  const { t } = usePortal().i18n;
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <ul className="inline-list">
        {page > 1 && (
          <li>
            <a href={hrefOf(page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        )}
        <li aria-current="page">{t('pagination.position', { page, pageCount })}</li>
        {page < pageCount && (
          <li>
            <a href={hrefOf(page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
};
