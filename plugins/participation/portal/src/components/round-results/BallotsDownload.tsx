import type { Round } from '../../../../shared/contracts/rounds';
import { usePortal } from '../portal-context';

/** The `.pb` file the API serves for one district of a round (`''`: a round without districts). */
export const ballotsFileName = (roundId: string, districtCode: string) => `round-${roundId}${districtCode ? `-${districtCode}` : ''}.pb`;

/**
 * The anonymised ballots as the API serves them (GET /rounds/:roundId/ballots.pb, public once voting has
 * closed), one file per district, with the command that recounts a file (domain/counting/cli.ts).
 */
export const BallotsDownload = ({ round, apiBase }: { round: Round; apiBase: string }) => {
  const { t } = usePortal().i18n;
  const scopes = round.districts.length > 0 ? round.districts.map(({ code, name }) => ({ code, name })) : [{ code: '', name: '' }];
  const first = ballotsFileName(round.documentId, scopes[0].code);
  return (
    <section aria-labelledby="ballots-download">
      <h2 id="ballots-download">{t('results.download.title')}</h2>
      <p>{t('results.download.lead')}</p>
      <ul>
        {scopes.map(({ code, name }) => (
          <li key={code}>
            <a href={`${apiBase}/rounds/${round.documentId}/ballots.pb${code ? `?district=${encodeURIComponent(code)}` : ''}`} download={ballotsFileName(round.documentId, code)}>
              {code ? t('results.download.linkDistrict', { district: name, file: ballotsFileName(round.documentId, code) }) : t('results.download.link', { file: first })}
            </a>
          </li>
        ))}
      </ul>
      <p>{t('results.download.recount')}</p>
      <pre className="command">
        <code>npm run count -- {first}</code>
      </pre>
    </section>
  );
};
