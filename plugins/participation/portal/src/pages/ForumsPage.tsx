import type { Forum } from '../../../shared/contracts/forums';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';

/** A municipality's forums: the municipality's own and those of its rounds, groups and consultations. */
export const ForumsPage = ({ municipality, forums }: { municipality: Municipality; forums: Forum[] }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}`)}>{municipality.name}</a>
      </p>
      <h1>{t('forums.title', { municipality: municipality.name })}</h1>
      <p className="lead">{t('forums.intro')}</p>
      {forums.length === 0 ? (
        <p>{t('forums.none')}</p>
      ) : (
        <ul className="card-list">
          {forums.map((forum) => (
            <li key={forum.documentId} className="card">
              <a href={href(`/forums/${forum.documentId}`)}>
                <UserText language={writtenIn(forum, municipality)}>{forum.title}</UserText>
              </a>
              {forum.description && (
                <UserText as="p" language={writtenIn(forum, municipality)}>
                  {forum.description}
                </UserText>
              )}
              <p className="card__meta">{t(`forums.attached.${forum.attachedTo.kind}` as MessageKey)}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={href(`/municipalities/${municipality.code}/moderation`)}>{t('forums.moderationLink')}</a>
      </p>
    </>
  );
};
