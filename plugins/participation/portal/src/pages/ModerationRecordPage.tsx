import type { ModerationSummary } from '../../../shared/contracts/forums';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { reasonWords } from '../forums/reason-words';

/** The public moderation record: how many actions of each kind the moderators took, and why. */
export const ModerationRecordPage = ({ municipality, summary }: { municipality: Municipality; summary: ModerationSummary }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const total = summary.actions.reduce((sum, row) => sum + row.count, 0);
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}/forums`)}>{t('forums.title', { municipality: municipality.name })}</a>
      </p>
      <h1>{t('moderationRecord.title', { municipality: municipality.name })}</h1>
      <p className="lead">{t('moderationRecord.intro')}</p>
      {total === 0 ? (
        <p>{t('moderationRecord.none')}</p>
      ) : (
        <>
          <p>{t('moderationRecord.total', { count: total })}</p>
          <table className="table">
            <caption>{t('moderationRecord.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('moderationRecord.action')}</th>
                <th scope="col">{t('moderationRecord.reason')}</th>
                <th scope="col" className="numeric">
                  {t('moderationRecord.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.actions.map((row) => (
                <tr key={`${row.action}/${row.reason}`}>
                  <td>{t(`moderation.action.${row.action}` as MessageKey)}</td>
                  <td>{reasonWords(i18n, row.reason)}</td>
                  <td className="numeric">{i18n.number(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
};
