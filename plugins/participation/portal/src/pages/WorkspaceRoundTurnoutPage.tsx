import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round, VotingChannel } from '../../../shared/contracts/rounds';
import { VOTING_CHANNELS } from '../../../server/src/domain/voting/channels';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { TableRegion } from '../components/TableRegion';
import { RoundWorkspaceTrail } from '../components/RoundWorkspaceTrail';

export interface TurnoutCount {
  districtCode: string;
  channel: VotingChannel;
  count: number;
}

/** Who has taken part so far, by channel and by district: counts of people, never a ballot. */
export const WorkspaceRoundTurnoutPage = ({ municipality, round, counts }: { municipality: Municipality; round: Round; counts: TurnoutCount[] }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const sum = (keep: (entry: TurnoutCount) => boolean) => counts.filter(keep).reduce((total, entry) => total + entry.count, 0);
  const total = sum(() => true);
  const channelName = (channel: VotingChannel) => t(`wsRounds.channel.${channel}` as MessageKey);
  return (
    <>
      <RoundWorkspaceTrail municipality={municipality} round={round} />
      <h1>{t('wsRounds.turnout.title')}</h1>
      <p>{t('wsRounds.turnout.total', { count: total })}</p>
      <p className="hint">{t('wsRounds.turnout.secrecy')}</p>
      <TableRegion caption={t('wsRounds.turnout.byChannel')}>
        <thead>
          <tr>
            <th scope="col">{t('wsRounds.turnout.channel')}</th>
            <th scope="col" className="numeric">{t('wsRounds.turnout.people')}</th>
          </tr>
        </thead>
        <tbody>
          {VOTING_CHANNELS.map((channel) => (
            <tr key={channel}>
              <th scope="row">{channelName(channel)}</th>
              <td className="numeric">{i18n.number(sum((entry) => entry.channel === channel))}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {round.districts.length > 0 && (
        <TableRegion caption={t('wsRounds.turnout.byDistrict')}>
          <thead>
            <tr>
              <th scope="col">{t('wsRounds.turnout.district')}</th>
              {VOTING_CHANNELS.map((channel) => (
                <th scope="col" className="numeric" key={channel}>
                  {channelName(channel)}
                </th>
              ))}
              <th scope="col" className="numeric">{t('wsRounds.turnout.all')}</th>
            </tr>
          </thead>
          <tbody>
            {round.districts.map((district) => (
              <tr key={district.code}>
                <th scope="row">{district.name}</th>
                {VOTING_CHANNELS.map((channel) => (
                  <td className="numeric" key={channel}>
                    {i18n.number(sum((entry) => entry.districtCode === district.code && entry.channel === channel))}
                  </td>
                ))}
                <td className="numeric">{i18n.number(sum((entry) => entry.districtCode === district.code))}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </>
  );
};
