import type { Municipality } from '../../../shared/contracts/municipalities';
import { usePortal } from '../components/portal-context';

/** Home: every municipality on the platform, each a link to what is open there now. */
export const HomePage = ({ municipalities }: { municipalities: Municipality[] }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <h2>{t('home.municipalities')}</h2>
      {municipalities.length === 0 ? (
        <p>{t('home.noMunicipalities')}</p>
      ) : (
        <ul className="card-list">
          {municipalities.map((municipality) => (
            <li key={municipality.code} className="card">
              <a href={href(`/municipalities/${municipality.code}`)}>{municipality.name}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
