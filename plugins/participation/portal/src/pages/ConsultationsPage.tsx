import type { Consultation } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { Pagination } from '../components/Pagination';
import { UserText, writtenIn } from '../components/UserText';

/** A municipality's consultations, newest first: what each asks and whether it takes answers now. */
export const ConsultationsPage = ({ municipality, consultations, page, pageCount }: { municipality: Municipality; consultations: Array<Omit<Consultation, 'forums' | 'meetings'>>; page: number; pageCount: number }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}`)}>{municipality.name}</a>
      </p>
      <h1>{t('consultations.title', { municipality: municipality.name })}</h1>
      {consultations.length === 0 ? (
        <p>{t('consultations.none')}</p>
      ) : (
        <ul className="card-list">
          {consultations.map((consultation) => (
            <li key={consultation.documentId} className="card">
              <a href={href(`/consultations/${consultation.documentId}`)}>
                <UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText>
              </a>
              <p className="card__meta">
                {t(`consultation.status.${consultation.status}` as MessageKey)} · {t('consultation.dates', { opens: i18n.date(consultation.opensAt), closes: i18n.date(consultation.closesAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(target) => href(`/municipalities/${municipality.code}/consultations?page=${target}`)} />
    </>
  );
};
