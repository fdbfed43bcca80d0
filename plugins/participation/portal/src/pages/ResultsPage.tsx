import type { Municipality } from '../../../shared/contracts/municipalities';
import type { DistrictResult, Proposal, Round, RoundResult } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { explainDistrict, explainReservation } from '../components/round-results/explanations';
import { ProjectTable, type ResultRow } from '../components/round-results/ProjectTable';
import { BallotsDownload } from '../components/round-results/BallotsDownload';
import { UserText, writtenIn } from '../components/UserText';
import { Message } from '../components/Message';

/** What the count used as a project's cost: the reviewed estimate, else the amount asked for. */
const costOf = (proposal: Proposal) => proposal.costEstimate ?? proposal.requestedAmount;

interface DistrictProps {
  round: Round;
  result: RoundResult;
  district: DistrictResult;
  proposals: Proposal[];
  municipality: Pick<Municipality, 'currency' | 'contentLanguage'>;
  /** h2 when the round has districts (each under its name), else the page's sections are h2 themselves. */
  level: 2 | 3;
}

const DistrictResults = ({ round, result, district, proposals, municipality, level }: DistrictProps) => {
  const { i18n } = usePortal();
  const { currency } = municipality;
  const { t } = i18n;
  const Heading = `h${level}` as const;
  const counted = proposals.filter((proposal) => proposal.documentId in district.support);
  const costs = Object.fromEntries(counted.map((proposal) => [proposal.documentId, costOf(proposal)]));
  const explanations = explainDistrict(district, costs, { rule: result.rule, minSupport: round.ballotRules.minSupport, currency }, i18n);
  const rowOf = (proposal: Proposal): ResultRow => ({ id: proposal.documentId, title: proposal.title, language: writtenIn(proposal, municipality), cost: costOf(proposal), explanation: explanations.get(proposal.documentId) ?? '' });
  const byId = new Map(counted.map((proposal) => [proposal.documentId, proposal]));
  const selected = district.selectionOrder.map((id) => byId.get(id)).filter((proposal): proposal is Proposal => Boolean(proposal));
  const chosen = new Set(district.selected);
  const votes = (proposal: Proposal) => district.support[proposal.documentId]?.votes ?? 0;
  const notSelected = counted.filter((proposal) => !chosen.has(proposal.documentId)).sort((a, b) => votes(b) - votes(a));
  const scope = district.districtCode || 'all';
  return (
    <>
      <p className="results-spent">{t('results.spent', { spent: i18n.money(district.spent, currency), budget: i18n.money(district.budget, currency), ballots: district.ballots })}</p>
      {district.reservations.length > 0 && (
        <>
          <Heading>{t('results.reservations')}</Heading>
          <ul className="results-reservations">
            {district.reservations.map((reservation) => (
              <li key={reservation.marker}>{explainReservation(reservation, currency, i18n)}</li>
            ))}
          </ul>
        </>
      )}
      <Heading>{t('results.selected')}</Heading>
      {selected.length > 0 ? (
        <ProjectTable id={`selected-${scope}`} caption={t('results.selectedCaption', { count: selected.length })} rows={selected.map(rowOf)} support={district.support} currency={currency} />
      ) : (
        <p>{t('results.noneSelected')}</p>
      )}
      {notSelected.length > 0 && (
        <>
          <Heading>{t('results.notSelected')}</Heading>
          <ProjectTable id={`not-selected-${scope}`} caption={t('results.notSelectedCaption', { count: notSelected.length })} rows={notSelected.map(rowOf)} support={district.support} currency={currency} />
        </>
      )}
    </>
  );
};

/**
 * A counted result, district by district: what was funded and what was not, each with why, and the
 * reserved shares. The public results page shows it once published; the workspace shows the same before
 * staff publish it.
 */
export const ResultDistricts = ({ round, result, proposals, municipality }: { round: Round; result: RoundResult; proposals: Proposal[]; municipality: Pick<Municipality, 'currency' | 'contentLanguage'> }) => {
  const districtName = (code: string) => round.districts.find((district) => district.code === code)?.name ?? code;
  const byDistrict = round.districts.length > 0;
  return (
    <>
      {result.districts.map((district) =>
        byDistrict ? (
          <section key={district.districtCode} aria-labelledby={`district-${district.districtCode}`}>
            <h2 id={`district-${district.districtCode}`}>
              <UserText language={writtenIn(round, municipality)}>{districtName(district.districtCode)}</UserText>
            </h2>
            <DistrictResults round={round} result={result} district={district} proposals={proposals} municipality={municipality} level={3} />
          </section>
        ) : (
          <DistrictResults key="all" round={round} result={result} district={district} proposals={proposals} municipality={municipality} level={2} />
        )
      )}
    </>
  );
};

/** A round's published results: per district what was funded and what was not, each with why, and the ballots to recount. */
export const ResultsPage = ({ round, result, municipality, proposals, apiBase }: { round: Round; result: RoundResult; municipality: Municipality; proposals: Proposal[]; apiBase: string }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const roundTitle = <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>{roundTitle}</a>
      </p>
      <h1>
        <Message id="results.title" values={{ round: roundTitle }} />
      </h1>
      <p>{t('results.countedOn', { date: i18n.date(result.countedAt), ballots: result.participation.total })}</p>
      <ResultDistricts round={round} result={result} proposals={proposals} municipality={municipality} />
      <BallotsDownload round={round} apiBase={apiBase} />
      <p>
        <a href={href(`/rounds/${round.documentId}/receipt-check`)}>{t('receipt.title')}</a>
      </p>
    </>
  );
};
