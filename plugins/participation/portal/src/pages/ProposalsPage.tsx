import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal, Round } from '../../../shared/contracts/rounds';
import { PROPOSAL_STATUSES, TARGET_GROUPS } from '../../../server/src/domain/proposals/statuses';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../../server/src/domain/budget-lines/markers';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { SelectField } from '../components/SelectField';
import { Pagination } from '../components/Pagination';
import { UserText, writtenIn } from '../components/UserText';

export interface ProposalFilterValues {
  districtCode?: string;
  targetGroup?: string;
  genderMarker?: string;
  youthMarker?: string;
  status?: string;
  q?: string;
}

/** A round's proposals: a plain GET form to narrow them, the matching proposals, pages of 25. */
export const ProposalsPage = ({
  round,
  municipality,
  proposals,
  filters,
  page,
  pageCount,
  total,
}: {
  round: Round;
  municipality: Municipality;
  proposals: Proposal[];
  filters: ProposalFilterValues;
  page: number;
  pageCount: number;
  total: number;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const any = { value: '', label: t('proposals.any') };
  const listPath = `/rounds/${round.documentId}/proposals`;
  const hrefOf = (target: number) => {
    const query = new URLSearchParams(Object.entries({ ...filters, page: String(target) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return href(`${listPath}?${query}`);
  };
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>
          <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
        </a>
      </p>
      <h1>{t('proposals.title')}</h1>
      <form method="get" action={href(listPath)} className="filters" role="search" aria-label={t('proposals.filter')}>
        <div className="field">
          <label htmlFor="q">{t('proposals.search')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} />
        </div>
        {round.districts.length > 0 && (
          <SelectField name="districtCode" label={t('proposals.district')} value={filters.districtCode} options={[any, ...round.districts.map((district) => ({ value: district.code, label: district.name }))]} />
        )}
        <SelectField name="targetGroup" label={t('proposals.targetGroup')} value={filters.targetGroup} options={[any, ...TARGET_GROUPS.map((group) => ({ value: group, label: t(`targetGroup.${group}` as MessageKey) }))]} />
        <SelectField name="genderMarker" label={t('budget.genderMarker')} value={filters.genderMarker} options={[any, ...GENDER_MARKERS.map((marker) => ({ value: marker, label: t(`marker.gender.${marker}` as MessageKey) }))]} />
        <SelectField name="youthMarker" label={t('budget.youthMarker')} value={filters.youthMarker} options={[any, ...YOUTH_MARKERS.map((marker) => ({ value: marker, label: t(`marker.youth.${marker}` as MessageKey) }))]} />
        <SelectField name="status" label={t('proposals.status')} value={filters.status} options={[any, ...PROPOSAL_STATUSES.map((status) => ({ value: status, label: t(`status.${status}` as MessageKey) }))]} />
        <button type="submit" className="button button--secondary">
          {t('proposals.apply')}
        </button>
      </form>
      <p role="status">{t('proposals.count', { total })}</p>
      {proposals.length > 0 && (
        <ul className="card-list">
          {proposals.map((proposal) => (
            <li key={proposal.documentId} className="card">
              <a href={href(`/proposals/${proposal.documentId}`)}>
                <UserText language={writtenIn(proposal, municipality)}>{proposal.title}</UserText>
              </a>
              <p className="card__meta">
                {t(`status.${proposal.status}` as MessageKey)} · {i18n.money(proposal.costEstimate ?? proposal.requestedAmount, municipality.currency)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={hrefOf} />
    </>
  );
};
