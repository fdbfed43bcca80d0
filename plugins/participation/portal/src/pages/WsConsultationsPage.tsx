import type { ListConsultations } from '../../../shared/contracts/consultations';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { TableRegion } from '../components/TableRegion';
import { Pagination } from '../components/Pagination';

/** The municipality's consultations for their organisers: each one's state, and a way to prepare another. */
export const WsConsultationsPage = ({ municipality, consultations, done }: { municipality: Municipality; consultations: ListConsultations; done: MessageKey | null }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/consultations`;
  const { page, pageCount } = consultations.meta.pagination;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <DoneNotice message={done} />
      <h1>{t('wsConsultations.title')}</h1>
      <p>
        <a href={href(`${base}/new`)} className="button">
          {t('wsConsultations.new')}
        </a>
      </p>
      {consultations.data.length === 0 ? (
        <p>{t('wsConsultations.none')}</p>
      ) : (
        <TableRegion caption={t('wsConsultations.caption', { municipality: municipality.name })}>
          <thead>
            <tr>
              <th scope="col">{t('wsConsultations.topic')}</th>
              <th scope="col">{t('wsConsultations.status')}</th>
              <th scope="col">{t('wsConsultations.period')}</th>
            </tr>
          </thead>
          <tbody>
            {consultations.data.map((consultation) => (
              <tr key={consultation.documentId}>
                <td>
                  <a href={href(`${base}/${consultation.documentId}`)}><UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText></a>
                </td>
                <td>{t(`consultation.status.${consultation.status}` as MessageKey)}</td>
                <td>{t('consultation.dates', { opens: i18n.date(consultation.opensAt), closes: i18n.date(consultation.closesAt) })}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(to) => href(`${base}?page=${to}`)} />
    </>
  );
};
