import type { RoundParticipationStatistics } from '../../../shared/contracts/reports';
import type { Round } from '../../../shared/contracts/rounds';
import { VOTING_CHANNELS } from '../../../server/src/domain/voting/channels';
import type { MessageKey } from '../i18n/translator';
import { OpenDataLinks } from './OpenDataLinks';
import { ParticipationTables } from './ParticipationTables';
import { PublishedCount } from './PublishedCount';
import { usePortal } from './portal-context';
import { TableRegion } from './TableRegion';

/**
 * Who took part in a round whose voting has closed, as the reports service published it (GET
 * …/participation-statistics): per district, the voters by channel and by what they declared, and the
 * proposal authors. A count that could single out fewer than k people reads "not published", with the
 * rule said once above the tables. Table captions carry the district's name where there are several.
 */
export const RoundParticipation = ({ round, statistics, apiBase }: { round: Round; statistics: RoundParticipationStatistics; apiBase: string }) => {
  const { t } = usePortal().i18n;
  const districtNames = new Map(round.districts.map((district) => [district.code, district.name]));
  // A round without districts has no district headings: its populations' headings move up a level.
  const PopulationHeading = round.districts.length > 0 ? 'h4' : 'h3';
  return (
    <>
    <section aria-labelledby="round-participation">
      <h2 id="round-participation">{t('roundStats.heading')}</h2>
      <p>{t('roundStats.intro')}</p>
      <p className="hint">{t('statistics.suppressionRule', { k: statistics.k })}</p>
      {statistics.districts.map(({ districtCode, voters, proposalAuthors }) => {
        const district = districtCode ? (districtNames.get(districtCode) ?? districtCode) : null;
        const votersName = district ? t('roundStats.votersIn', { district }) : t('roundStats.voters');
        const authorsName = district ? t('roundStats.authorsIn', { district }) : t('roundStats.authors');
        return (
          <section key={districtCode} aria-label={district ?? undefined}>
            {district && <h3>{district}</h3>}
            <TableRegion caption={t('statistics.captionOf', { population: votersName, dimension: t('roundStats.byChannel') })}>
              <thead>
                <tr>
                  <th scope="col">{t('roundStats.channel')}</th>
                  <th scope="col" className="numeric">{t('statistics.people')}</th>
                </tr>
              </thead>
              <tbody>
                {VOTING_CHANNELS.map((channel) => (
                  <tr key={channel}>
                    <th scope="row">{t(`wsRounds.channel.${channel}` as MessageKey)}</th>
                    <td className="numeric"><PublishedCount count={voters.byChannel[channel] ?? 0} /></td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
            <PopulationHeading>{votersName}</PopulationHeading>
            <ParticipationTables statistics={voters.statistics} population={votersName} withRule={false} />
            <PopulationHeading>{authorsName}</PopulationHeading>
            <ParticipationTables statistics={proposalAuthors.statistics} population={authorsName} withRule={false} />
          </section>
        );
      })}
    </section>
    <OpenDataLinks
      id="round-participation-files"
      links={[
        { label: t('openData.roundParticipation'), href: `${apiBase}/rounds/${round.documentId}/participation-statistics.csv`, format: 'CSV' },
        { label: t('openData.roundParticipation'), href: `${apiBase}/rounds/${round.documentId}/participation-statistics`, format: 'JSON' },
      ]}
    />
    </>
  );
};
